#!/usr/bin/env bash
# Nothing to start: tells the tests where the reference Snappy library is.
set -euo pipefail
library=$(ldconfig -p | awk '/libsnappy\.so\.1 .*x86-64|libsnappy\.so\.1 / { print $NF; exit }')
[ -n "$library" ] && [ -f "$library" ] || { echo "libsnappy.so.1 not found" >&2; exit 1; }
echo "export BRONZE_TEST_LIBSNAPPY=$library" >> "$BRONZE_TEST_ENV"
