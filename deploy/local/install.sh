#!/usr/bin/env bash
# Installs what HelpdeskIdentity needs on Debian 12 (run as root), skipping what is already there.
# Usage: install.sh [extra-debian-package…]   (tests/run.sh adds chromium for the browser tests, nodejs npm where node is missing)
set -euo pipefail

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v curl >/dev/null || missing+=(curl)
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done

if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "install.sh: missing Debian packages: ${missing[*]} (run as root, or install them first)" >&2
    exit 1
  fi
  echo "Installing ${missing[*]}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "install.sh: the .NET 10 SDK is required (dotnet on PATH)" >&2
  exit 1
fi
