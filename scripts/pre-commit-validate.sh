#!/usr/bin/env sh
# pre-commit hook `telaio-validate` (language: script): pre-commit runs this file from its clone of
# the telaio repository, with the user's repository as the working directory and the staged Arazzo
# files as arguments. The clone holds sources only, so the first run installs the workspace and
# builds it (once: a stamp file marks success; a lock keeps parallel hook processes from racing),
# then every run is `telaio validate` from the clone's own build. Bootstrap output goes to stderr.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd -P)
stamp="$root/node_modules/.telaio-hook-ready"
bin="$root/packages/cli/bin/telaio.js"

if ! command -v node >/dev/null 2>&1; then
  echo "telaio-validate: node (>= 20.19) is not on PATH" >&2
  exit 2
fi

pnpm_run() {
  if command -v pnpm >/dev/null 2>&1 && pnpm --version 2>/dev/null | grep -q '^10\.'; then
    pnpm "$@"
  else
    npx -y pnpm@10 "$@"
  fi
}

# A checkout already installed and built (a developer's own) is used as it is.
ready() {
  [ -f "$stamp" ] || { [ -f "$root/node_modules/.modules.yaml" ] && [ -f "$root/packages/cli/dist/main.js" ]; }
}

if ! ready; then
  lock="$root/.telaio-hook-lock"
  waited=0
  until mkdir "$lock" 2>/dev/null; do
    # Another hook process is bootstrapping: wait for it (10 minutes at most), then re-check.
    waited=$((waited + 1))
    if [ "$waited" -gt 600 ]; then
      echo "telaio-validate: gave up waiting for $lock (remove it if no bootstrap is running)" >&2
      exit 2
    fi
    sleep 1
  done
  trap 'rmdir "$lock" 2>/dev/null || true' EXIT INT TERM
  if [ ! -f "$stamp" ]; then
    echo "telaio-validate: first run, installing and building telaio in $root (once)" >&2
    (cd "$root" && pnpm_run install --frozen-lockfile && pnpm_run build) 1>&2 || {
      echo "telaio-validate: bootstrap failed (see above); fix and retry, or run pre-commit clean" >&2
      exit 2
    }
    date > "$stamp"
  fi
  rmdir "$lock" 2>/dev/null || true
  trap - EXIT INT TERM
fi

# The parsed-sources cache lives in the clone, not in the user's repository; `args: [--no-cache]`
# or `--cache-dir DIR` in the user's config still win (they come after).
exec node "$bin" validate --cache-dir "$root/node_modules/.cache/telaio" "$@"
