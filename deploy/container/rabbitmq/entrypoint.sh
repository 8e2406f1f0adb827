#!/usr/bin/env bash
# Writes the default user from the environment into rabbitmq.conf, then runs the broker in the foreground.
set -euo pipefail
password=${RABBITMQ_DEFAULT_PASS:-}
[ -n "${RABBITMQ_DEFAULT_PASS_FILE:-}" ] && password=$(cat "$RABBITMQ_DEFAULT_PASS_FILE")
[ -n "$password" ] || { echo "rabbitmq: set RABBITMQ_DEFAULT_PASS or RABBITMQ_DEFAULT_PASS_FILE" >&2; exit 1; }
printf 'default_user = %s\ndefault_pass = %s\nloopback_users = none\nlisteners.tcp.default = 5672\n' \
  "${RABBITMQ_DEFAULT_USER:-helpdesk}" "$password" >/etc/rabbitmq/rabbitmq.conf
echo '[].' >/etc/rabbitmq/enabled_plugins
exec /usr/lib/rabbitmq/bin/rabbitmq-server
