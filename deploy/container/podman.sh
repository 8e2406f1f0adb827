#!/usr/bin/env bash
# Makes podman usable as a Docker-API container engine on a Debian 12 machine (as root) with no
# Docker engine and no image registry: installs podman, runc and debootstrap if missing, writes
# /etc/containers/containers.conf for this machine (runc, cgroupfs, ulimits within the hard limits),
# and starts podman's Docker-API socket unless one already answers.
#
#   deploy/container/podman.sh start   → prints DOCKER_HOST=unix:///… (the socket's pid in $PODMAN_DIR/service.pid)
#   deploy/container/podman.sh stop    → stops the socket service this script started
#
# Environment: PODMAN_DIR (default /run/helpdesk-podman) holds the socket and the pid file.
set -euo pipefail

dir=${PODMAN_DIR:-/run/helpdesk-podman}
socket="$dir/podman.sock"
pidfile="$dir/service.pid"

install_engine() {
  local missing=()
  for package in podman runc debootstrap netavark aardvark-dns iptables; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if ((${#missing[@]})); then
    echo "Installing ${missing[*]}…" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

configure_engine() {
  # crun fails on these machines (cgroups in hybrid mode); podman's default ulimits exceed the hard limits.
  local nofile nproc conf=/etc/containers/containers.conf
  # Processes started later (the API service, conmon) may get lower hard limits than this shell: stay well under.
  nofile=$(ulimit -Hn); nproc=$(ulimit -Hu)
  { [ "$nofile" = unlimited ] || [ "$nofile" -gt 16384 ]; } && nofile=16384
  { [ "$nproc" = unlimited ] || [ "$nproc" -gt 8192 ]; } && nproc=8192
  local wanted
  wanted=$(printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n\n[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\n' \
    "$nofile" "$nofile" "$nproc" "$nproc")
  mkdir -p /etc/containers
  if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$wanted" ]; then
    printf '%s\n' "$wanted" >"$conf"
  fi
}

answers() { curl -sf --max-time 2 --unix-socket "$socket" http://d/_ping >/dev/null 2>&1; }

start() {
  install_engine
  configure_engine
  mkdir -p "$dir"
  if ! answers; then
    rm -f "$socket"
    podman system service --time=0 "unix://$socket" >"$dir/service.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do answers && break; sleep 0.1; done
    answers || { echo "podman.sh: the Docker-API socket did not answer; see $dir/service.log" >&2; exit 1; }
  fi
  echo "DOCKER_HOST=unix://$socket"
}

stop() {
  [ -f "$pidfile" ] || return 0
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile" "$socket"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
