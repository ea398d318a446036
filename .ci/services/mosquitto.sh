# Mosquitto for the MQTT message-transport tests (@telaio/asyncapi-adapter, issue 17): Debian's
# broker with a configuration of its own in a temporary folder, listening on 127.0.0.1 only, on a
# port of its own (TELAIO_MOSQUITTO_PORT, else the first free one from 18830), anonymous access,
# no persistence. Exports TELAIO_MOSQUITTO_URL (mqtt://127.0.0.1:PORT) and registers stop_mosquitto.
# Sourced by .ci/run; by hand:
#   bash -c 'CI_STOP=(); ci_apt_install() { :; }; source .ci/services/mosquitto.sh; echo $TELAIO_MOSQUITTO_URL; stop_mosquitto'

ci_apt_install mosquitto

# True when something listens on 127.0.0.1:$1.
mosquitto_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_mosquitto() {
  local port dir i
  port="${TELAIO_MOSQUITTO_PORT:-18830}"
  while mosquitto_port_busy "$port"; do port=$((port + 1)); done
  dir="$(mktemp -d "${TMPDIR:-/tmp}/telaio-mosquitto.XXXXXX")"
  chmod 755 "$dir"
  # As root, mosquitto drops to the `mosquitto` user after opening its listener: nothing it writes
  # later lives in the folder (no persistence; its log goes to stderr, kept by this shell).
  cat >"$dir/mosquitto.conf" <<EOF
listener $port 127.0.0.1
allow_anonymous true
persistence false
log_dest stderr
log_type error
log_type warning
log_type notice
EOF
  mosquitto -c "$dir/mosquitto.conf" >"$dir/mosquitto.log" 2>&1 &
  MOSQUITTO_PID=$!
  MOSQUITTO_DIR="$dir"
  for ((i = 0; i < 100; i++)); do
    mosquitto_port_busy "$port" && break
    if ! kill -0 "$MOSQUITTO_PID" 2>/dev/null; then
      cat "$dir/mosquitto.log" >&2
      MOSQUITTO_PID=''
      return 1
    fi
    sleep 0.1
  done
  if ! mosquitto_port_busy "$port"; then
    echo "mosquitto: not listening on 127.0.0.1:$port after 10 s" >&2
    cat "$dir/mosquitto.log" >&2
    return 1
  fi
  export TELAIO_MOSQUITTO_URL="mqtt://127.0.0.1:$port"
  echo "mosquitto: $(mosquitto -h 2>/dev/null | sed -n 's/^mosquitto version //p') on 127.0.0.1:$port (config in $dir)"
}

# Stops the broker (SIGTERM, then waits for it) and removes its folder.
stop_mosquitto() {
  if [ -n "${MOSQUITTO_PID:-}" ]; then
    kill "$MOSQUITTO_PID" 2>/dev/null || true
    wait "$MOSQUITTO_PID" 2>/dev/null || true
    MOSQUITTO_PID=''
  fi
  [ -n "${MOSQUITTO_DIR:-}" ] && rm -rf "$MOSQUITTO_DIR"
  MOSQUITTO_DIR=''
}

start_mosquitto
CI_STOP+=(stop_mosquitto)
