#!/usr/bin/env bash
# Creates the cluster on first start (password authentication over TCP), then runs PostgreSQL in the foreground.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
password=${POSTGRES_PASSWORD:-}
[ -n "${POSTGRES_PASSWORD_FILE:-}" ] && password=$(cat "$POSTGRES_PASSWORD_FILE")
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  [ -n "$password" ] || { echo "postgres: set POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE" >&2; exit 1; }
  pwfile=$(mktemp) && printf '%s\n' "$password" >"$pwfile"
  "$bin/initdb" -D "$PGDATA" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  "$bin/pg_ctl" -D "$PGDATA" -w -o "-c listen_addresses=''" start >/dev/null
  PGPASSWORD=$password psql -h /run/postgresql -U postgres -qc "CREATE DATABASE \"${POSTGRES_DB:-postgres}\"" 2>/dev/null || true
  "$bin/pg_ctl" -D "$PGDATA" -w stop >/dev/null
fi
exec "$bin/postgres" -D "$PGDATA" -c listen_addresses='*' -c max_connections=300 -c unix_socket_directories=/run/postgresql
