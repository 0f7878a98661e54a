#!/usr/bin/env bash
# Installs Ceph (monitor, OSD, RADOS Gateway) from Debian. Idempotent: does nothing when radosgw is present.
set -euo pipefail
packages=(ceph-mon ceph-osd radosgw ceph-common)
if command -v radosgw >/dev/null && command -v ceph-mon >/dev/null && command -v ceph-osd >/dev/null \
   && command -v radosgw-admin >/dev/null && command -v monmaptool >/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends "${packages[@]}"; then
  apt-get update
  apt-get install -y --no-install-recommends "${packages[@]}"
fi
