#!/usr/bin/env bash
# A private RabbitMQ node on a loopback port, with its state, logs and Erlang cookie under DIR.
# Usage: rabbitmq.sh start DIR PORT   (PORT in 20000–29999; the node also uses PORT+20000 and PORT-10000)
#        rabbitmq.sh stop DIR
#        rabbitmq.sh ctl DIR rabbitmqctl-arguments…
set -euo pipefail

command=${1:?usage: rabbitmq.sh start DIR PORT | stop DIR | ctl DIR args…}
dir=$(mkdir -p "${2:?DIR missing}" && cd "$2" && pwd)
bin=/usr/lib/rabbitmq/bin

if [ "$command" = start ]; then
  port=${3:?PORT missing}
  if [ "$port" -lt 20000 ] || [ "$port" -gt 29999 ]; then
    echo "rabbitmq.sh: PORT must be in 20000–29999" >&2
    exit 2
  fi
  mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
  echo '[].' >"$dir/enabled_plugins"
  cat >"$dir/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$port
disk_free_limit.absolute = 50MB
max_message_size = 131072
log.console = false
log.file.level = warning
CONF
  # The wrappers in /usr/sbin switch user and reset HOME; the settings below keep the node private.
  cat >"$dir/env.sh" <<ENV
export HOME='$dir/home'
export ERL_EPMD_PORT=$((port - 10000))
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_NODENAME='hdid$port@localhost'
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$port
export RABBITMQ_DIST_PORT=$((port + 20000))
export RABBITMQ_MNESIA_BASE='$dir/mnesia'
export RABBITMQ_LOG_BASE='$dir/log'
export RABBITMQ_CONFIG_FILE='$dir/rabbitmq.conf'
export RABBITMQ_ENABLED_PLUGINS_FILE='$dir/enabled_plugins'
export RABBITMQ_PID_FILE='$dir/rabbitmq.pid'
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
ENV
fi

if [ ! -f "$dir/env.sh" ]; then
  [ "$command" = stop ] && exit 0
  echo "rabbitmq.sh: no node was started in $dir" >&2
  exit 2
fi
# shellcheck source=/dev/null
. "$dir/env.sh"

case "$command" in
  start)
    setsid "$bin/rabbitmq-server" >"$dir/log/stdout.log" 2>&1 </dev/null &
    if ! "$bin/rabbitmqctl" -q wait --timeout 90 "$RABBITMQ_PID_FILE" >/dev/null 2>&1; then
      echo "rabbitmq.sh: the node did not start; see $dir/log" >&2
      tail -n 20 "$dir/log/stdout.log" >&2 || true
      exit 1
    fi
    ;;
  stop)
    if [ -f "$RABBITMQ_PID_FILE" ]; then
      "$bin/rabbitmqctl" -q stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || true
    fi
    # epmd outlives the node.
    epmd -kill >/dev/null 2>&1 || true
    ;;
  ctl)
    shift 2
    exec "$bin/rabbitmqctl" -q "$@"
    ;;
  *)
    echo "rabbitmq.sh: unknown command $command" >&2
    exit 2
    ;;
esac
