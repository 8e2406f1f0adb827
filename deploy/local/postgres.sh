#!/usr/bin/env bash
# A private PostgreSQL server on a loopback port, with its data and socket under DIR.
# Usage: postgres.sh start DIR PORT [--throwaway]   (--throwaway: no fsync; for tests only)
#        postgres.sh stop DIR
set -euo pipefail

command=${1:?usage: postgres.sh start DIR PORT [--throwaway] | stop DIR}
dir=$(mkdir -p "${2:?DIR missing}" && cd "$2" && pwd)
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# initdb and postgres refuse to run as root: run them as the postgres user, which must reach DIR.
as_owner=()
if [ "$(id -u)" = 0 ]; then
  as_owner=(runuser -u postgres --)
  chown postgres "$dir"
  parent=$dir
  while [ "$parent" != / ]; do parent=$(dirname "$parent"); chmod o+x "$parent" 2>/dev/null || true; done
fi

case "$command" in
  start)
    port=${3:?PORT missing}
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
    fi
    options="-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300"
    if [ "${4:-}" = --throwaway ]; then
      options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -o "$options" start >/dev/null
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "postgres.sh: unknown command $command" >&2
    exit 2
    ;;
esac
