#!/usr/bin/env bash
# Runs every test suite. Installs what is missing (Debian packages, NuGet restore); the suites
# start their own throwaway PostgreSQL and RabbitMQ servers (through deploy/local/*.sh).
# Prints the closing line "N passed, N failed, N skipped" and exits non-zero on any failure.
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
  grep -E '^\s*(\[FAIL\]|HelpdeskIdentity\.[A-Za-z.]+ +Total:)|\[FAIL\]' "$results/$suite.log" || true
  [ -s "$results/$suite.xml" ] || { echo "$suite wrote no results; see $results/$suite.log"; tail -n 30 "$results/$suite.log"; status=1; }
done

count() { cat "$results"/*.xml 2>/dev/null | grep -o "<assembly [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ sum += $1 } END { print sum + 0 }'; }
passed=$(count passed); failed=$(count failed); skipped=$(count skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
  failed=1 # a suite crashed without recording a failure
fi
echo "Test logs and results: $results"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ]
