#!/usr/bin/env bash
# Runs every test suite. Installs what is missing (Debian packages, NuGet restore). The suites start
# their own throwaway PostgreSQL and RabbitMQ containers (Testcontainers) through a Docker-API engine:
#  - by default podman, installed and configured here, its API socket started for this run and stopped
#    (by pid) at the end, with images built from tests/containers/ on a local Debian base, cached by a
#    hash of their Containerfiles (deploy/container/*.sh) — no image registry needed;
#  - or, with HELPDESK_TEST_IMAGES=official and DOCKER_HOST set, that engine and the official images.
# Prints how many containers the suites started, then the closing line "N passed, N failed, N skipped",
# and exits non-zero on any failure.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
results=${TEST_RESULTS:-$root/TestResults}
rm -rf "$results" && mkdir -p "$results"

# Chromium (Debian's) for the browser tests; Playwright never downloads a browser.
"$root/deploy/local/install.sh" chromium fonts-liberation || exit 1
command -v node >/dev/null || "$root/deploy/local/install.sh" nodejs npm || exit 1
export TEST_RESULTS="$results" # the browser tests' screenshots go to $results/screenshots/<test>/

# npm packages, each folder pinned by its lock file: the independent relying party (openid-client) the interop
# tests run, the demo portal (oidc-client-ts) and axe-core for the browser tests.
for folder in tests/HelpdeskIdentity.IntegrationTests/Interop/relying-party services/portal-demo tests/HelpdeskIdentity.BrowserTests; do
  if ! npm ci --prefix "$root/$folder" --no-audit --no-fund >>"$results/npm.log" 2>&1; then
    cat "$results/npm.log"
    echo "0 passed, 1 failed (npm ci in $folder)"
    exit 1
  fi
done

# Containers: an engine, images, and a list the fixtures add every container they create to.
export TESTCONTAINERS_RYUK_DISABLED=true # Ryuk's image cannot be pulled here; the fixtures remove their containers
export HELPDESK_TEST_CONTAINER_LOG="$results/containers.txt"
: >"$HELPDESK_TEST_CONTAINER_LOG"
own_engine=
if [ "${HELPDESK_TEST_IMAGES:-}" = official ] && [ -n "${DOCKER_HOST:-}" ]; then
  echo "Containers: the official images through $DOCKER_HOST"
else
  unset HELPDESK_TEST_IMAGES
  export PODMAN_DIR=/run/helpdesk-podman-tests.$$ # this run's own API socket, stopped by its pid at the end
  started=$SECONDS
  if ! socket=$("$root/deploy/container/podman.sh" start 2>"$results/podman.log"); then
    cat "$results/podman.log"; echo "0 passed, 1 failed (podman)"; exit 1
  fi
  own_engine=1
  export "${socket?}"
  trap '"$root/deploy/container/podman.sh" stop; rm -rf "$PODMAN_DIR"' EXIT
  images() {
    HELPDESK_TEST_POSTGRES_IMAGE=$("$root/deploy/container/images.sh" build helpdesk-test-postgres "$root/tests/containers/postgres") &&
      HELPDESK_TEST_RABBITMQ_IMAGE=$("$root/deploy/container/images.sh" build helpdesk-test-rabbitmq "$root/tests/containers/rabbitmq")
  }
  if ! images 2>>"$results/podman.log"; then
    cat "$results/podman.log"; echo "0 passed, 1 failed (building the test images)"; exit 1
  fi
  export HELPDESK_TEST_POSTGRES_IMAGE HELPDESK_TEST_RABBITMQ_IMAGE
  echo "Containers: podman at $DOCKER_HOST, images $HELPDESK_TEST_POSTGRES_IMAGE and $HELPDESK_TEST_RABBITMQ_IMAGE ready in $((SECONDS - started)) s"
fi

echo "Building…"
if ! dotnet build "$root/HelpdeskIdentity.sln" -c Release -nologo -v quiet -clp:ErrorsOnly >"$results/build.log" 2>&1; then
  cat "$results/build.log"
  echo "0 passed, 1 failed (the build)"
  exit 1
fi

suites=(HelpdeskIdentity.UnitTests HelpdeskIdentity.IntegrationTests HelpdeskIdentity.BrowserTests)
status=0
for suite in "${suites[@]}"; do
  assembly="$root/tests/$suite/bin/Release/net10.0/$suite.dll"
  echo "Running $suite…"
  # xunit.v3 test projects are programs; -xml writes the counts this script adds up.
  if ! dotnet "$assembly" -noColor -noLogo -xml "$results/$suite.xml" "$@" >"$results/$suite.log" 2>&1; then
    status=1
  fi
  # Each failure with the first lines of its message and stack, so a CI log alone says what went wrong.
  grep -a -E -A 24 '\[FAIL\]' "$results/$suite.log" | head -n 300 || true
  grep -a -E '^\s*HelpdeskIdentity\.[A-Za-z.]+ +Total:' "$results/$suite.log" || true
  [ -s "$results/$suite.xml" ] || { echo "$suite wrote no results; see $results/$suite.log"; tail -n 30 "$results/$suite.log"; status=1; }
done

# A fixture that crashed before disposing leaves its container behind: remove what is left of this run's.
created=$(sort -u "$HELPDESK_TEST_CONTAINER_LOG" | grep -c . || true)
if [ -n "$own_engine" ]; then
  left=$(sort -u "$HELPDESK_TEST_CONTAINER_LOG" | xargs -r podman container inspect --format '{{.Id}}' 2>/dev/null || true)
  [ -z "$left" ] || { echo "Removing $(echo "$left" | grep -c .) container(s) a suite left behind"; echo "$left" | xargs -r podman rm -f >/dev/null 2>&1 || true; }
fi
echo "The suites started $created container(s)"

count() { cat "$results"/*.xml 2>/dev/null | grep -o "<assembly [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ sum += $1 } END { print sum + 0 }'; }
passed=$(count passed); failed=$(count failed); skipped=$(count skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
  failed=1 # a suite crashed without recording a failure
fi
echo "Test logs and results: $results"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ]
