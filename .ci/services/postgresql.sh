# PostgreSQL for the durable-run tests (@telaio/dbos, issue 20): a throw-away cluster of Debian's
# PostgreSQL (15 on bookworm; the newest installed major is used) in a temporary folder, listening on
# 127.0.0.1 only, on a port of its own (TELAIO_PG_PORT, else the first free one from 15432), owned by
# an unprivileged user (PostgreSQL refuses to run as root: `postgres` from the Debian package, else a
# system user created for it). Exports TELAIO_DATABASE_URL (password authentication, a random
# password) and registers stop_postgresql. Sourced by .ci/run; by hand:
#   bash -c 'CI_STOP=(); ci_apt_install() { :; }; source .ci/services/postgresql.sh; echo $TELAIO_DATABASE_URL; stop_postgresql'

ci_apt_install postgresql

# Runs a command as the cluster's owner (as is when this shell is not root).
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$PG_OWNER" -- "$@"; else "$@"; fi
}

# True when something listens on 127.0.0.1:$1.
pg_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_postgresql() {
  local bin port dir password
  bin="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -n 1)"
  if [ -z "$bin" ]; then
    echo 'postgresql: no /usr/lib/postgresql/*/bin after installing postgresql' >&2
    return 1
  fi
  PG_OWNER="$(id -un)"
  if [ "$(id -u)" = 0 ]; then
    PG_OWNER=postgres
    id -u "$PG_OWNER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OWNER"
  fi
  port="${TELAIO_PG_PORT:-15432}"
  while pg_port_busy "$port"; do port=$((port + 1)); done
  dir="$(mktemp -d "${TMPDIR:-/tmp}/telaio-postgresql.XXXXXX")"
  chmod 700 "$dir"
  if [ "$(id -u)" = 0 ]; then chown "$PG_OWNER" "$dir"; fi
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" >"$dir/password"
  if [ "$(id -u)" = 0 ]; then chown "$PG_OWNER" "$dir/password"; fi
  pg_as_owner "$bin/initdb" -D "$dir/data" -U telaio --pwfile="$dir/password" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  rm -f "$dir/password"
  # No Unix socket outside the folder, TCP on 127.0.0.1 only; fsync off: the data is thrown away.
  pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=200" \
    start >/dev/null || {
    cat "$dir/server.log" >&2
    return 1
  }
  PGPASSWORD="$password" "$bin/createdb" -h 127.0.0.1 -p "$port" -U telaio telaio
  PG_BIN="$bin"
  PG_DIR="$dir"
  export TELAIO_DATABASE_URL="postgresql://telaio:$password@127.0.0.1:$port/telaio"
  echo "postgresql: $("$bin/postgres" --version | sed 's/^postgres (PostgreSQL) //') on 127.0.0.1:$port (data in $dir)"
}

# Stops the cluster and removes its folder.
stop_postgresql() {
  [ -n "${PG_DIR:-}" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=''
}

start_postgresql
CI_STOP+=(stop_postgresql)
