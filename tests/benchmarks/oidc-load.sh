#!/usr/bin/env bash
# Load on the OIDC endpoints of the service started by deploy/local/run.sh, with wrk (Debian's):
# discovery, JWKS, and client_credentials tokens. Prints wrk's own report (requests/s, latency
# distribution) for each. Not run by CI.
# Usage: tests/benchmarks/oidc-load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
endpoints=${ENDPOINTS:-$root/.local/endpoints.env}
[ -f "$endpoints" ] || { echo "Start deploy/local/run.sh first ($endpoints not found)." >&2; exit 1; }
# shellcheck source=/dev/null
. "$endpoints"
command -v wrk >/dev/null || "$root/deploy/local/install.sh" wrk
seconds=${1:-15}
connections=${2:-64}

script=$(mktemp --suffix .lua)
trap 'rm -f "$script"' EXIT
basic=$(printf '%s:%s' "$BACKEND_CLIENT_ID" "$BACKEND_CLIENT_SECRET" | base64 -w0)
cat >"$script" <<LUA
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $basic"
local failures = 0
response = function(status) if status ~= 200 then failures = failures + 1 end end
done = function() io.write(string.format("non-200 responses: %d\n", failures)) end
LUA

echo "Machine: $(nproc) cores; wrk -t2 -c$connections -d${seconds}s --latency; service at $ISSUER"
for path in /.well-known/openid-configuration /.well-known/jwks.json; do
  echo; echo "== GET $path"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$ISSUER$path"
done
echo; echo "== POST /connect/token (client_credentials, client_secret_basic)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$ISSUER/connect/token"
