#!/usr/bin/env bash
# The operator command line against the service started by run.sh (reads .local/endpoints.env).
# Usage: cli.sh tickets publish FROM [SUBJECT]
#        cli.sh users add EMAIL [--name NAME]    (password: first line of standard input, or typed unechoed)
#        cli.sh users show EMAIL
#        cli.sh clients list
#        cli.sh keys list | keys rotate [--now]
#        cli.sh organizations show DOMAIN | organizations add-domain DOMAIN NEW-DOMAIN
#        cli.sh accounts find EMAIL | accounts show|lock|unlock|disable|enable|sign-out|export ID | accounts erase ID --yes
#        cli.sh audit tail [--account ID] [--type TYPE] [-n N]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
state=${HELPDESK_LOCAL_DIR:-$root/.local}
if [ ! -f "$state/endpoints.env" ]; then
  echo "cli.sh: $state/endpoints.env not found; start the service with deploy/local/run.sh first." >&2
  exit 1
fi
# shellcheck source=/dev/null
. "$state/endpoints.env"
export ConnectionStrings__Identity="$PG_CONNECTION"
export RabbitMq__Url="$AMQP_URL"
export Oidc__Issuer="$ISSUER" # the keys commands read the service's Oidc settings, which need the issuer
exec dotnet "$state/app/HelpdeskIdentity.Api.dll" "$@"
