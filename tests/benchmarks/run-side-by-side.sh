#!/usr/bin/env bash
# Issues 10 and 14's side-by-side benchmarks in one go: starts the service with its PostgreSQL and
# RabbitMQ (deploy/local/run.sh, state under .local/side-by-side, its own ports, the sign-in rate
# limits lifted) and the peer OpenID provider (npm's oidc-provider, tests/benchmarks/oidc-peer, same
# clients), runs OidcBenchmark with --peer and TicketIntakeBenchmark, then stops everything.
# Usage: tests/benchmarks/run-side-by-side.sh   (extra options: OIDC_ARGS='…' INTAKE_ARGS='…';
#        BENCHMARKS='intake' or 'oidc' runs one of the two, default both)
# Ports: HTTP_PORT (5480), PORTAL_PORT (5473), PG_PORT (55632), AMQP_PORT (26672), PEER_PORT (5490).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
state=${HELPDESK_LOCAL_DIR:-$root/.local/side-by-side}
export HELPDESK_LOCAL_DIR=$state HTTP_PORT=${HTTP_PORT:-5480} PORTAL_PORT=${PORTAL_PORT:-5473}
export PG_PORT=${PG_PORT:-55632} AMQP_PORT=${AMQP_PORT:-26672}
peer_port=${PEER_PORT:-5490}
peer_dir="$root/tests/benchmarks/oidc-peer"
endpoints="$state/endpoints.env"

"$root/deploy/local/install.sh" wrk
command -v node >/dev/null || "$root/deploy/local/install.sh" nodejs npm
echo "Installing the peer (oidc-provider, pinned in $peer_dir/package-lock.json)…"
npm ci --prefix "$peer_dir" --no-audit --no-fund --loglevel=error >/dev/null
echo "Building the benchmarks…"
for project in OidcBenchmark TicketIntakeBenchmark; do
  dotnet build "$root/tests/benchmarks/$project" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
done

run_pid=
peer_pid=
stop_all() {
  trap - EXIT INT TERM
  [ -z "$peer_pid" ] || { kill -TERM "$peer_pid" 2>/dev/null || true; wait "$peer_pid" 2>/dev/null || true; }
  [ -z "$run_pid" ] || { kill -TERM "$run_pid" 2>/dev/null || true; wait "$run_pid" 2>/dev/null || true; }
}
trap stop_all EXIT
trap 'exit 130' INT TERM

mkdir -p "$state"
rm -f "$endpoints"
echo "Starting the service (deploy/local/run.sh on port $HTTP_PORT; log in $state/run.log)…"
RateLimits__SignInPerClient__PermitLimit=1000000 RateLimits__SignInPerAddress__PermitLimit=1000000 \
  "$root/deploy/local/run.sh" >"$state/run.log" 2>&1 &
run_pid=$!
for _ in $(seq 1 600); do
  [ -f "$endpoints" ] && break
  kill -0 "$run_pid" 2>/dev/null || { echo "run.sh stopped; see $state/run.log" >&2; tail -20 "$state/run.log" >&2; exit 1; }
  sleep 1
done
[ -f "$endpoints" ] || { echo "The service did not start in 10 minutes; see $state/run.log" >&2; exit 1; }
# shellcheck source=/dev/null
. "$endpoints"
service_pid=$(ss -Hltnp "sport = :$HTTP_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$service_pid" ] || { echo "No process listens on port $HTTP_PORT." >&2; exit 1; }

echo "Starting the peer on 127.0.0.1:$peer_port…"
PORT=$peer_port BACKEND_CLIENT_ID=$BACKEND_CLIENT_ID BACKEND_CLIENT_SECRET=$BACKEND_CLIENT_SECRET PORTAL_URL=$PORTAL_URL \
  NODE_ENV=production node "$peer_dir/server.mjs" >"$state/peer.log" 2>&1 &
peer_pid=$!
for _ in $(seq 1 30); do
  curl -fs "http://127.0.0.1:$peer_port/.well-known/openid-configuration" >/dev/null && break
  kill -0 "$peer_pid" 2>/dev/null || { echo "The peer stopped; see $state/peer.log" >&2; exit 1; }
  sleep 1
done

sleep 10 # let start-up work settle before reading idle memory
echo
# Issue 14's target is 200 MB (200,000,000 bytes = 190.7 MiB); VmRSS is in kB (KiB).
idle_kib=$(awk '/^VmRSS/ {print $2}' "/proc/$service_pid/status")
echo "Service pid $service_pid: VmRSS $(awk -v k="$idle_kib" 'BEGIN {printf "%.1f MiB (%.1f MB)", k / 1024, k * 1024 / 1e6}') idle," \
  "10 s after it became ready (target < 200 MB: $( ((idle_kib * 1024 < 200000000)) && echo MET || echo MISSED))"
echo "Peer: oidc-provider $(node -p "require('$peer_dir/node_modules/oidc-provider/package.json').version") on Node.js $(node --version)"

cd "$root"
benchmarks=${BENCHMARKS:-oidc intake}
if [[ " $benchmarks " == *" oidc "* ]]; then
  # shellcheck disable=SC2086 # OIDC_ARGS and INTAKE_ARGS are option lists
  dotnet run -c Release --no-build --project tests/benchmarks/OidcBenchmark -- \
    --endpoints "$endpoints" --peer "http://127.0.0.1:$peer_port" --service-pid "$service_pid" ${OIDC_ARGS:-}
fi
if [[ " $benchmarks " == *" intake "* ]]; then
  # shellcheck disable=SC2086
  dotnet run -c Release --no-build --project tests/benchmarks/TicketIntakeBenchmark -- \
    --endpoints "$endpoints" --service-pid "$service_pid" ${INTAKE_ARGS:-}
fi
