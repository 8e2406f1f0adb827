#!/usr/bin/env bash
# Writes the default user from the environment into rabbitmq.conf, then runs the broker in the foreground.
set -euo pipefail
password=${RABBITMQ_DEFAULT_PASS:-}
[ -n "${RABBITMQ_DEFAULT_PASS_FILE:-}" ] && password=$(cat "$RABBITMQ_DEFAULT_PASS_FILE")
[ -n "$password" ] || { echo "rabbitmq: set RABBITMQ_DEFAULT_PASS or RABBITMQ_DEFAULT_PASS_FILE" >&2; exit 1; }
# max_message_size: the broker refuses a publish over 128 KiB, so a flood of big messages never reaches the service, which holds
# up to RabbitMq:PrefetchCount of them in memory; one between 64 and 128 KiB still fits the error queue (docs/operations.md).
printf 'default_user = %s\ndefault_pass = %s\nloopback_users = none\nlisteners.tcp.default = 5672\nmax_message_size = 131072\n' \
  "${RABBITMQ_DEFAULT_USER:-helpdesk}" "$password" >/etc/rabbitmq/rabbitmq.conf
echo '[].' >/etc/rabbitmq/enabled_plugins
exec /usr/lib/rabbitmq/bin/rabbitmq-server
