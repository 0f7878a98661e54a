#!/usr/bin/env bash
# Stops the emulator started by start.sh and waits until it has exited.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
state="${BRONZE_TEST_STATE:-$here/../../.test-servers}/gcs"
pid_file="$state/emulator.pid"
[ -f "$pid_file" ] || exit 0
pid=$(cat "$pid_file")
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
fi
rm -f "$pid_file"
rm -rf "$state/tmp"
