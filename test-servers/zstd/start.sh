#!/usr/bin/env bash
# Nothing to start: tells the tests where the zstd and gzip tools are.
set -euo pipefail
zstd=$(command -v zstd)
gzip=$(command -v gzip)
"$zstd" --version >/dev/null
echo "export BRONZE_TEST_ZSTD_CLI=$zstd" >> "$BRONZE_TEST_ENV"
echo "export BRONZE_TEST_GZIP_CLI=$gzip" >> "$BRONZE_TEST_ENV"
