#!/usr/bin/env bash
# Builds container images with podman on a machine that reaches no image registry, cached so a
# second run builds nothing.
#
#   deploy/container/images.sh base
#       localhost/helpdesk-debian:bookworm — a minimal Debian 12 root file system made by debootstrap
#       from the Debian mirror apt is configured with here, imported as an image (built once).
#   deploy/container/images.sh build NAME CONTEXT [CONTAINERFILE] [--build-arg K=V …]
#       localhost/NAME:<hash> (and localhost/NAME:latest), where <hash> covers the Containerfile, the
#       build arguments and the base image, so an unchanged image is never rebuilt. Prints the tag. A new build
#       removes the NAME tags built over two hours before.
#
# Call deploy/container/podman.sh start first (it installs podman and debootstrap).
set -euo pipefail

base_image=localhost/helpdesk-debian:bookworm

debian_mirror() {
  # The first Debian archive apt uses here (deb822 sources or a one-line sources.list).
  local uri
  uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n 1 | awk '{print $2}')
  [ -n "$uri" ] || uri=$(grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | grep -v security | head -n 1 | awk '{print $2}')
  [ -n "$uri" ] || { echo "images.sh: no Debian mirror in apt's sources" >&2; exit 1; }
  echo "$uri"
}

base() {
  if podman image exists "$base_image"; then
    return 0
  fi
  local rootfs
  rootfs=$(mktemp -d /var/tmp/helpdesk-rootfs.XXXXXX)
  echo "Building $base_image with debootstrap…" >&2
  debootstrap --variant=minbase bookworm "$rootfs" "$(debian_mirror)" >"$rootfs.log" 2>&1 \
    || { tail -n 20 "$rootfs.log" >&2; exit 1; }
  tar -C "$rootfs" -c . | podman import -q - "$base_image" >/dev/null
  rm -rf "$rootfs" "$rootfs.log"
}

forget_older() {
  # Every change to the service makes a new ~140 MB image; tags of NAME built over two hours ago go (no test run
  # still starts from one; an image a container still uses stays, as podman refuses to remove it).
  local name=$1 keep=$2
  podman images --filter "reference=localhost/$name" --filter until=2h --format '{{.Repository}}:{{.Tag}}' \
    | { grep -v -e ':latest$' -e "^$keep\$" || true; } | xargs -r podman rmi >/dev/null 2>&1 || true
}

build() {
  local name=$1 context=$2 file=${3:-$2/Containerfile}
  shift 3 || shift $#
  base
  local base_id hash tag
  base_id=$(podman image inspect --format '{{.Id}}' "$base_image")
  hash=$( { cat "$file"; printf '%s\n' "$@" "$base_id"; } | sha256sum | cut -c1-16)
  tag="localhost/$name:$hash"
  if ! podman image exists "$tag"; then
    echo "Building $tag…" >&2
    podman build -q --build-arg "BASE_IMAGE=$base_image" "$@" -f "$file" -t "$tag" "$context" >/dev/null
    forget_older "$name" "$tag"
  fi
  podman tag "$tag" "localhost/$name:latest" # latest is the image last asked for, built now or cached
  echo "$tag"
}

case "${1:-}" in
  base) base; echo "$base_image" ;;
  build) shift; build "$@" ;;
  *) echo "usage: $0 base | build NAME CONTEXT [CONTAINERFILE] [--build-arg K=V …]" >&2; exit 2 ;;
esac
