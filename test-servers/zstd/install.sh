#!/usr/bin/env bash
# Installs the zstd and gzip command-line tools from Debian: decoders nobody here wrote, which the codec tests use to
# check Bronze's ZSTD and GZIP output. Idempotent: does nothing when both are on the PATH.
set -euo pipefail
packages=(zstd gzip)
command -v zstd >/dev/null && command -v gzip >/dev/null && exit 0
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends "${packages[@]}"; then
  apt-get update
  apt-get install -y --no-install-recommends "${packages[@]}"
fi
