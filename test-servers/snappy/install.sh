#!/usr/bin/env bash
# Installs Google's reference Snappy library (C++, with a C API) from Debian: an independent encoder and decoder that
# the codec tests check the SNAPPY codec (Snappier) against. Idempotent: does nothing when libsnappy.so.1 is known to the loader.
set -euo pipefail
# The loader cache is read whole first: a pipe into `grep -q` can close early, and under pipefail the SIGPIPE that
# ldconfig then gets would read as "not installed".
cache=$(ldconfig -p)
grep -q 'libsnappy\.so\.1 ' <<< "$cache" && exit 0
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends libsnappy1v5; then
  apt-get update
  apt-get install -y --no-install-recommends libsnappy1v5
fi
