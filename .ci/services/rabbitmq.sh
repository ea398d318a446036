# RabbitMQ for the AMQP 0-9-1 message-transport tests (@telaio/asyncapi-adapter, issue 17): Debian's
# rabbitmq-server as a throw-away node in a temporary folder (its data, logs, configuration, Erlang
# cookie and HOME), run as the unprivileged `rabbitmq` user, on 127.0.0.1 only, on ports of its own
# so it never meets a system RabbitMQ: AMQP on TELAIO_RABBITMQ_PORT (else the first free one from
# 5673), Erlang distribution on that + 20000, its own epmd on that + 10000, node name
# telaio-ci-PORT@localhost, no plugins. A user `telaio` with a random password (the guest user is
# removed). Exports TELAIO_RABBITMQ_URL (amqp://telaio:PASSWORD@127.0.0.1:PORT) and registers
# stop_rabbitmq. Sourced by .ci/run; by hand:
#   bash -c 'CI_STOP=(); ci_apt_install() { :; }; source .ci/services/rabbitmq.sh; echo $TELAIO_RABBITMQ_URL; stop_rabbitmq'

ci_apt_install rabbitmq-server

# True when something listens on 127.0.0.1:$1.
rabbitmq_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Runs a RabbitMQ command (server, rabbitmqctl) as the node's owner, with the node's environment.
rabbitmq_as_owner() {
  local run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u rabbitmq --)
  "${run[@]}" env -i PATH="$PATH" HOME="$RABBITMQ_DIR" LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    RABBITMQ_NODENAME="$RABBITMQ_NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$RABBITMQ_PORT" RABBITMQ_DIST_PORT="$((RABBITMQ_PORT + 20000))" \
    ERL_EPMD_PORT="$((RABBITMQ_PORT + 10000))" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_CONFIG_FILE="$RABBITMQ_DIR/rabbitmq.conf" RABBITMQ_ADVANCED_CONFIG_FILE="$RABBITMQ_DIR/advanced.config" \
    RABBITMQ_CONF_ENV_FILE="$RABBITMQ_DIR/rabbitmq-env.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$RABBITMQ_DIR/enabled_plugins" RABBITMQ_MNESIA_BASE="$RABBITMQ_DIR/mnesia" \
    RABBITMQ_LOG_BASE="$RABBITMQ_DIR/log" RABBITMQ_PID_FILE="$RABBITMQ_DIR/rabbitmq.pid" \
    "$@"
}

start_rabbitmq() {
  local port password i
  port="${TELAIO_RABBITMQ_PORT:-5673}"
  while rabbitmq_port_busy "$port" || rabbitmq_port_busy "$((port + 20000))" ||
    rabbitmq_port_busy "$((port + 10000))"; do port=$((port + 1)); done
  RABBITMQ_PORT="$port"
  RABBITMQ_NODE="telaio-ci-$port@localhost"
  RABBITMQ_DIR="$(mktemp -d "${TMPDIR:-/tmp}/telaio-rabbitmq.XXXXXX")"
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  mkdir -p "$RABBITMQ_DIR/mnesia" "$RABBITMQ_DIR/log"
  od -An -N20 -tx1 /dev/urandom | tr -d ' \n' >"$RABBITMQ_DIR/.erlang.cookie"
  chmod 400 "$RABBITMQ_DIR/.erlang.cookie"
  printf '[].\n' >"$RABBITMQ_DIR/enabled_plugins"
  printf '[].\n' >"$RABBITMQ_DIR/advanced.config"
  : >"$RABBITMQ_DIR/rabbitmq-env.conf"
  cat >"$RABBITMQ_DIR/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$port
default_user = telaio
default_pass = $password
log.console = false
log.file.level = warning
EOF
  [ "$(id -u)" = 0 ] && chown -R rabbitmq: "$RABBITMQ_DIR"
  rabbitmq_as_owner /usr/lib/rabbitmq/bin/rabbitmq-server >"$RABBITMQ_DIR/server.out" 2>&1 &
  RABBITMQ_PID=$!
  # await_startup waits for the node's boot to finish (it retries the connection while the VM starts).
  for ((i = 0; i < 60; i++)); do
    if ! kill -0 "$RABBITMQ_PID" 2>/dev/null; then
      cat "$RABBITMQ_DIR/server.out" >&2
      RABBITMQ_PID=''
      return 1
    fi
    rabbitmq_as_owner /usr/lib/rabbitmq/bin/rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1 && break
    sleep 0.5
  done
  if ! rabbitmq_port_busy "$port"; then
    echo "rabbitmq: not listening on 127.0.0.1:$port" >&2
    cat "$RABBITMQ_DIR/server.out" >&2
    return 1
  fi
  export TELAIO_RABBITMQ_URL="amqp://telaio:$password@127.0.0.1:$port"
  echo "rabbitmq: $(rabbitmq_as_owner /usr/lib/rabbitmq/bin/rabbitmqctl -q version 2>/dev/null) on 127.0.0.1:$port (node $RABBITMQ_NODE, data in $RABBITMQ_DIR)"
}

# Stops the node (rabbitmqctl stop, which waits for the VM to exit), its epmd, and removes its folder.
stop_rabbitmq() {
  [ -n "${RABBITMQ_DIR:-}" ] || return 0
  if [ -n "${RABBITMQ_PID:-}" ]; then
    rabbitmq_as_owner /usr/lib/rabbitmq/bin/rabbitmqctl -q stop >/dev/null 2>&1 || kill "$RABBITMQ_PID" 2>/dev/null || true
    wait "$RABBITMQ_PID" 2>/dev/null || true
    RABBITMQ_PID=''
  fi
  rabbitmq_as_owner epmd -kill >/dev/null 2>&1 || true
  rm -rf "$RABBITMQ_DIR"
  RABBITMQ_DIR=''
}

start_rabbitmq
CI_STOP+=(stop_rabbitmq)
