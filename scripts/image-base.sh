#!/usr/bin/env bash
# The container image's base, made here from Debian's packages (no registry needed): Debian 12 minbase with
# OpenJDK 17's headless JRE and CA certificates, a user irsp (uid 10001) owning /var/lib/irsp, saved as a
# docker-archive tarball that Jib takes as its base (tar://).
#
#   scripts/image-base.sh OUT.tar     (made once: an existing OUT.tar is kept)
#
# Needs root, debootstrap and podman (Debian's packages).
set -euo pipefail
out=${1:?usage: image-base.sh OUT.tar}
[ -f "$out" ] && { echo "base image: $out (kept)"; exit 0; }
mkdir -p "$(dirname "$out")"
work=$(mktemp -d /tmp/irsp-base.XXXXXX)
trap 'rm -rf "$work"' EXIT
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$work/rootfs" \
  http://deb.debian.org/debian > "$work/debootstrap.log" 2>&1 || { tail -n 20 "$work/debootstrap.log"; exit 1; }
chroot "$work/rootfs" groupadd --system --gid 10001 irsp
chroot "$work/rootfs" useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/irsp --no-create-home irsp
mkdir -p "$work/rootfs/var/lib/irsp"
chown 10001:10001 "$work/rootfs/var/lib/irsp"
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
tar -C "$work/rootfs" -c . | podman import --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' - localhost/irsp-base:jre17 > /dev/null
podman save --format docker-archive -o "$out" localhost/irsp-base:jre17
podman rmi localhost/irsp-base:jre17 > /dev/null
echo "base image: $out"
