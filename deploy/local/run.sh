#!/usr/bin/env bash
# Runs HelpdeskIdentity on this machine: a private PostgreSQL and RabbitMQ (data under .local/,
# kept between runs), the service on http://127.0.0.1:5080 (with the development mailbox at
# /dev/mailbox) and the demo portal (services/portal-demo) on http://127.0.0.1:5173.
# Ctrl-C stops everything it started.
# Ports: HTTP_PORT (5080), PORTAL_PORT (5173), PG_PORT (55432), AMQP_PORT (25672, must be in 20000–29999).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/deploy/local"
state=${HELPDESK_LOCAL_DIR:-$root/.local}
http_port=${HTTP_PORT:-5080}
pg_port=${PG_PORT:-55432}
amqp_port=${AMQP_PORT:-25672}
portal_port=${PORTAL_PORT:-5173}
endpoints="$state/endpoints.env"

"$here/install.sh"
command -v node >/dev/null || "$here/install.sh" nodejs npm
mkdir -p "$state/mailbox"

service_pid=
portal_pid=
stop_all() {
  trap - EXIT INT TERM
  rm -f "$endpoints"
  if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
    kill -TERM "$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
  fi
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
echo "Installing the demo portal's packages…"
npm ci --prefix "$root/services/portal-demo" --no-audit --no-fund --loglevel=error >/dev/null

# The development back-end client's secret: made once per machine, kept under .local/, only its hash configured.
secret_file="$state/backend-client-secret"
if [ ! -s "$secret_file" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$secret_file")
fi
backend_secret=$(cat "$secret_file")

pg_connection="Host=127.0.0.1;Port=$pg_port;Database=helpdesk_identity;Username=postgres"
amqp_url="amqp://guest:guest@127.0.0.1:$amqp_port/"
issuer="http://127.0.0.1:$http_port"
portal_url="http://127.0.0.1:$portal_port"
export ConnectionStrings__Identity="$pg_connection"
export RabbitMq__Url="$amqp_url"
export Branding__SupportEmail=${Branding__SupportEmail:-support@helpdesk.example}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS="$issuer"
export Oidc__Issuer="$issuer"
export Email__PickupDirectory="$state/mailbox"   # MAILBOX_DIR; read at $issuer/dev/mailbox
export Oidc__Clients__1__SecretHashes__0="$(printf %s "$backend_secret" | sha256sum | cut -d' ' -f1)"
# The portal client (Oidc:Clients:0 in appsettings.Development.json) follows PORTAL_PORT.
export Oidc__Clients__0__RedirectUris__0="$portal_url/callback"
export Oidc__Clients__0__RedirectUris__1="$portal_url/silent-renew"
export Oidc__Clients__0__PostLogoutRedirectUris__0="$portal_url/"
export Oidc__Clients__0__AllowedCorsOrigins__0="$portal_url"
# Two malloc arenas, not glibc's 8 per core: the runtime's native allocations (the JIT re-compiling hot methods in the first
# minute, OpenSSL) otherwise leave several MiB in per-thread arenas (docs/decisions/0050). The image sets the same.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
(cd "$state/app" && exec dotnet HelpdeskIdentity.Api.dll) &
service_pid=$!

# wait_ready URL PID WHAT SECONDS: until URL answers 2xx; fails when PID stops first or the time is up.
wait_ready() {
  for _ in $(seq 1 "$4"); do
    if curl -fs "$1" >/dev/null 2>&1; then return 0; fi
    kill -0 "$2" 2>/dev/null || { echo "$3 stopped while starting; see the log above." >&2; return 1; }
    sleep 1
  done
  curl -fs "$1" >/dev/null || { echo "$3 did not become ready in $4 s." >&2; return 1; }
}

# The schema is applied by the service as it starts; ready means database and bus are reachable.
wait_ready "$issuer/health/ready" "$service_pid" "The service" 120

echo "Starting the demo portal on $portal_url…"
ISSUER="$issuer" PORTAL_CLIENT_ID=portal PORTAL_URL="$portal_url" node "$root/services/portal-demo/server.mjs" &
portal_pid=$!
wait_ready "$portal_url/health" "$portal_pid" "The demo portal" 30

cat >"$endpoints" <<ENV
ISSUER=$issuer
AMQP_URL=$amqp_url
TICKET_EXCHANGE=helpdesk.ticket-received
ACCOUNT_EVENTS_EXCHANGE=helpdesk-identity.requester-account-created
PG_CONNECTION='$pg_connection'
MAILBOX_DIR=$state/mailbox
PORTAL_URL=$portal_url
PORTAL_CLIENT_ID=portal
PORTAL_REDIRECT_URI=$portal_url/callback
BACKEND_CLIENT_ID=helpdesk-backend
BACKEND_CLIENT_SECRET=$backend_secret
ENV
chmod 600 "$endpoints"

cat <<MSG

  HelpdeskIdentity is running.
    Portal         $portal_url   (the demo portal: sign in here)
    Service        $issuer   (health: $issuer/health/ready)
    Mailbox        $issuer/dev/mailbox   (every e-mail the service sends)
    PostgreSQL     psql -h 127.0.0.1 -p $pg_port -U postgres helpdesk_identity
    RabbitMQ       $amqp_url
    Endpoints      $endpoints

  OpenID Connect:
    discovery      $issuer/.well-known/openid-configuration
    a token        curl -s -u "helpdesk-backend:\$BACKEND_CLIENT_SECRET" -d grant_type=client_credentials $issuer/connect/token
                   (BACKEND_CLIENT_SECRET is in $endpoints)

  Simulate a ticket e-mail from a new requester (an account appears for the address):
    deploy/local/cli.sh tickets publish '"Jan Jansen" <jan@example.nl>'
  …then claim it: $portal_url → Sign in → "Forgot your password?" → jan@example.nl →
  open the e-mail at $issuer/dev/mailbox → follow the link → set a password → back on the portal.
  See the accounts:
    psql -h 127.0.0.1 -p $pg_port -U postgres helpdesk_identity -c 'SELECT email, display_name, ticket_count FROM users'

  Create an account with a password, then sign in at $issuer/account/login:
    echo 'a long passphrase' | deploy/local/cli.sh users add jan@example.nl --name "Jan Jansen"

  A colleague registers at $issuer/account/register (e.g. piet@example.nl, once a ticket
  from example.nl created its organisation); the e-mails are at $issuer/dev/mailbox

  Ctrl-C stops the portal, the service, RabbitMQ and PostgreSQL.
MSG
# Either one stopping ends the run (and stop_all stops the other).
wait -n "$service_pid" "$portal_pid"
