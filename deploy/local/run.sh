#!/usr/bin/env bash
# Runs HelpdeskIdentity on this machine: a private PostgreSQL and RabbitMQ (data under .local/,
# kept between runs), then the service on http://127.0.0.1:5080. Ctrl-C stops everything it started.
# Ports: HTTP_PORT (5080), PG_PORT (55432), AMQP_PORT (25672, must be in 20000–29999).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/deploy/local"
state=${HELPDESK_LOCAL_DIR:-$root/.local}
http_port=${HTTP_PORT:-5080}
pg_port=${PG_PORT:-55432}
amqp_port=${AMQP_PORT:-25672}
endpoints="$state/endpoints.env"

"$here/install.sh"
mkdir -p "$state/mailbox"

service_pid=
stop_all() {
  trap - EXIT INT TERM
  rm -f "$endpoints"
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill -TERM "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  "$here/rabbitmq.sh" stop "$state/rabbitmq" || true
  "$here/postgres.sh" stop "$state/postgres" || true
  echo "Stopped."
}
trap stop_all EXIT
trap 'exit 130' INT TERM

echo "Starting PostgreSQL on 127.0.0.1:$pg_port…"
"$here/postgres.sh" start "$state/postgres" "$pg_port"
if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'helpdesk_identity'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE helpdesk_identity" >/dev/null
fi
echo "Starting RabbitMQ on 127.0.0.1:$amqp_port…"
"$here/rabbitmq.sh" start "$state/rabbitmq" "$amqp_port"

echo "Building the service…"
dotnet publish "$root/services/HelpdeskIdentity.Api" -c Release -o "$state/app" -nologo -v quiet -clp:ErrorsOnly >/dev/null

# The development back-end client's secret: made once per machine, kept under .local/, only its hash configured.
secret_file="$state/backend-client-secret"
if [ ! -s "$secret_file" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$secret_file")
fi
backend_secret=$(cat "$secret_file")

pg_connection="Host=127.0.0.1;Port=$pg_port;Database=helpdesk_identity;Username=postgres"
amqp_url="amqp://guest:guest@127.0.0.1:$amqp_port/"
issuer="http://127.0.0.1:$http_port"
export ConnectionStrings__Identity="$pg_connection"
export RabbitMq__Url="$amqp_url"
export Branding__SupportEmail=${Branding__SupportEmail:-support@helpdesk.example}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS="$issuer"
export Oidc__Issuer="$issuer"
export Email__PickupDirectory="$state/mailbox"   # MAILBOX_DIR; read at $issuer/dev/mailbox
export Oidc__Clients__1__SecretHashes__0="$(printf %s "$backend_secret" | sha256sum | cut -d' ' -f1)"
(cd "$state/app" && exec dotnet HelpdeskIdentity.Api.dll) &
service_pid=$!

# The schema is applied by the service as it starts; ready means database and bus are reachable.
for _ in $(seq 1 120); do
  if curl -fs "$issuer/health/ready" >/dev/null 2>&1; then break; fi
  kill -0 "$service_pid" 2>/dev/null || { echo "The service stopped while starting; see the log above." >&2; exit 1; }
  sleep 1
done
curl -fs "$issuer/health/ready" >/dev/null || { echo "The service did not become ready in 120 s." >&2; exit 1; }

cat >"$endpoints" <<ENV
ISSUER=$issuer
AMQP_URL=$amqp_url
TICKET_EXCHANGE=helpdesk.ticket-received
ACCOUNT_EVENTS_EXCHANGE=helpdesk-identity.requester-account-created
PG_CONNECTION='$pg_connection'
MAILBOX_DIR=$state/mailbox
PORTAL_CLIENT_ID=portal
PORTAL_REDIRECT_URI=http://127.0.0.1:5173/callback
BACKEND_CLIENT_ID=helpdesk-backend
BACKEND_CLIENT_SECRET=$backend_secret
ENV
chmod 600 "$endpoints"

cat <<MSG

  HelpdeskIdentity is running.
    Service        $issuer   (health: $issuer/health/ready)
    PostgreSQL     psql -h 127.0.0.1 -p $pg_port -U postgres helpdesk_identity
    RabbitMQ       $amqp_url
    Endpoints      $endpoints

  OpenID Connect:
    discovery      $issuer/.well-known/openid-configuration
    a token        curl -s -u "helpdesk-backend:\$BACKEND_CLIENT_SECRET" -d grant_type=client_credentials $issuer/connect/token
                   (BACKEND_CLIENT_SECRET is in $endpoints)

  Simulate a ticket e-mail from a new requester:
    deploy/local/cli.sh tickets publish '"Jan Jansen" <jan@example.nl>'
  …then see the account:
    psql -h 127.0.0.1 -p $pg_port -U postgres helpdesk_identity -c 'SELECT email, display_name, ticket_count FROM users'

  Create an account with a password, then sign in at $issuer/account/login:
    echo 'a long passphrase' | deploy/local/cli.sh users add jan@example.nl --name "Jan Jansen"

  A colleague registers at $issuer/account/register (e.g. piet@example.nl, once a ticket
  from example.nl created its organisation); the e-mails are at $issuer/dev/mailbox

  Ctrl-C stops the service, RabbitMQ and PostgreSQL.
MSG
wait "$service_pid"
