#!/usr/bin/env bash
# DuckDB is not a server: checks that it answers, then tells the tests where the query script is.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
script="$root/tools/duckdb/query.mjs"
answer=$(echo '["select 42 as answer"]' | node "$script")
[ "$answer" = '[[{"answer":42}]]' ] || { echo "DuckDB did not answer: $answer" >&2; exit 1; }
echo "export BRONZE_DUCKDB='$script'" >> "$BRONZE_TEST_ENV"
