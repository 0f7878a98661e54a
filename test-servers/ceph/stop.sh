#!/usr/bin/env bash
# Stops the RADOS Gateway, the OSD and the monitor this folder's start.sh started (by their pid files) and waits
# until they have exited.
set -uo pipefail
: "${BRONZE_TEST_STATE:?}"
run="$BRONZE_TEST_STATE/ceph/run"
[ -d "$run" ] || exit 0
pids=()
for name in client.rgw osd.0 mon.a; do
  file="$run/$name.pid"
  [ -f "$file" ] || continue
  pid=$(cat "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" && pids+=("$pid"); fi
  rm -f "$file"
done
for pid in "${pids[@]}"; do
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || continue 2; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
done
exit 0
