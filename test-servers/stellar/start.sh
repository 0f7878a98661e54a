#!/usr/bin/env bash
# stellar-base is not a server: checks that the decode script answers (an empty stream gives no output), then tells
# the tests where it is.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
script="$root/tools/stellar/decode.mjs"
answer=$(node "$script" < /dev/null)
[ -z "$answer" ] || { echo "The stellar-base decode script did not answer as expected: $answer" >&2; exit 1; }
echo "export BRONZE_STELLAR_BASE='$script'" >> "$BRONZE_TEST_ENV"
