#!/usr/bin/env bash
# Nothing to start: tells the tests where the reference Snappy library is.
set -euo pipefail
# Read whole, not piped into an early-exiting awk: under pipefail ldconfig's SIGPIPE failed this script at random.
cache=$(ldconfig -p)
library=$(awk '/libsnappy\.so\.1 / { print $NF; exit }' <<< "$cache")
[ -n "$library" ] && [ -f "$library" ] || { echo "libsnappy.so.1 not found in the loader cache" >&2; exit 1; }
echo "export BRONZE_TEST_LIBSNAPPY=$library" >> "$BRONZE_TEST_ENV"
