#!/usr/bin/env bash
# Builds every image the compose stack (deploy/compose.yaml) runs, with podman, cached: an image whose
# inputs did not change is not built again. Prints the images as HELPDESK_*_IMAGE=… lines for compose.
#
#   deploy/container/stack.sh build
#
# The service is published self-contained for linux-x64 into .local/container/identity/app (its own
# artifacts folder, so the solution's bin/ and obj/ are left alone); the demo portal needs
# `npm ci --prefix services/portal-demo` first. Call deploy/container/podman.sh start first.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/deploy/container"
state=${HELPDESK_CONTAINER_DIR:-$root/.local/container}
images="$here/images.sh"

tree_hash() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16; }

build() {
  mkdir -p "$state"
  local runtime_deps service portal proxy postgres rabbitmq
  runtime_deps=$("$images" build helpdesk-runtime-deps "$here" "$here/runtime-deps.Containerfile")

  rm -rf "$state/identity" && mkdir -p "$state/identity"
  dotnet publish "$root/services/HelpdeskIdentity.Api" -c Release -r linux-x64 --self-contained \
    --artifacts-path "$state/artifacts" -o "$state/identity/app" -nologo -v quiet -clp:ErrorsOnly \
    -p:DebugType=none -p:GenerateDocumentationFile=false >"$state/publish.log" 2>&1 \
    || { cat "$state/publish.log" >&2; exit 1; }
  service=$("$images" build helpdesk-identity "$state/identity" "$here/Containerfile" \
    --build-arg "BASE_IMAGE=$runtime_deps" --build-arg "APP_HASH=$(tree_hash "$state/identity")")

  local portal_src="$root/services/portal-demo"
  [ -d "$portal_src/node_modules/oidc-client-ts" ] || { echo "stack.sh: run npm ci --prefix services/portal-demo first" >&2; exit 1; }
  rm -rf "$state/portal" && mkdir -p "$state/portal/portal/node_modules"
  cp -r "$portal_src/server.mjs" "$portal_src/package.json" "$portal_src/public" "$state/portal/portal/"
  cp -r "$portal_src/node_modules/oidc-client-ts" "$state/portal/portal/node_modules/"
  portal=$("$images" build helpdesk-portal "$state/portal" "$here/portal.Containerfile" \
    --build-arg "APP_HASH=$(tree_hash "$state/portal")")

  proxy=$("$images" build helpdesk-compose-proxy "$here/proxy")
  postgres=$("$images" build helpdesk-compose-postgres "$here/postgres" "$here/postgres/Containerfile" \
    --build-arg "SCRIPT_HASH=$(tree_hash "$here/postgres")")
  rabbitmq=$("$images" build helpdesk-compose-rabbitmq "$here/rabbitmq" "$here/rabbitmq/Containerfile" \
    --build-arg "SCRIPT_HASH=$(tree_hash "$here/rabbitmq")")

  printf 'HELPDESK_IMAGE=%s\nHELPDESK_PORTAL_IMAGE=%s\nHELPDESK_PROXY_IMAGE=%s\nHELPDESK_POSTGRES_IMAGE=%s\nHELPDESK_RABBITMQ_IMAGE=%s\n' \
    "$service" "$portal" "$proxy" "$postgres" "$rabbitmq"
}

case "${1:-}" in
  build) build ;;
  *) echo "usage: $0 build" >&2; exit 2 ;;
esac
