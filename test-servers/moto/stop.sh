#!/usr/bin/env bash
# Stops the moto server this folder's start.sh started (by its pid file) and waits until it has exited.
set -uo pipefail
: "${BRONZE_TEST_STATE:?}"
file="$BRONZE_TEST_STATE/moto/moto.pid"
[ -f "$file" ] || exit 0
pid=$(cat "$file")
rm -f "$file"
[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || exit 0
kill "$pid"
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
kill -9 "$pid" 2>/dev/null
while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
exit 0
