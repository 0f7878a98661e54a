#!/usr/bin/env bash
# Starts the Cloud Storage emulator (launcher.js) on 127.0.0.1, waits until it answers, and appends the variables
# the tests read to "$BRONZE_TEST_ENV". State, log and pid file live under "$BRONZE_TEST_STATE/gcs/".
# BRONZE_GCS_PORT overrides the port (default 9199).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
state="${BRONZE_TEST_STATE:-$here/../../.test-servers}/gcs"
env_file="${BRONZE_TEST_ENV:-$state/env.sh}"
port="${BRONZE_GCS_PORT:-9199}"
url="http://127.0.0.1:$port"
mkdir -p "$state/tmp"

if [ -f "$state/emulator.pid" ] && kill -0 "$(cat "$state/emulator.pid")" 2>/dev/null; then
  echo "gcs: already running (pid $(cat "$state/emulator.pid")); run stop.sh first" >&2
  exit 1
fi
if curl -s -o /dev/null --max-time 2 "$url/"; then
  echo "gcs: port $port is already in use" >&2
  exit 1
fi

# The emulator stages and stores blobs under the temporary folder: keep them in the state folder.
TMPDIR="$state/tmp" nohup node "$here/launcher.js" --host 127.0.0.1 --port "$port" --project demo-bronze \
  > "$state/emulator.log" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$state/emulator.pid"

for _ in $(seq 1 150); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "gcs: the emulator exited during start-up:" >&2
    tail -n 30 "$state/emulator.log" >&2
    exit 1
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/storage/v1/b/bronze-ready-probe/o" || true)
  if [ "$code" = "200" ]; then
    mkdir -p "$(dirname "$env_file")"
    {
      echo "export STORAGE_EMULATOR_HOST=127.0.0.1:$port"
      echo "export BRONZE_TEST_GCS_ENDPOINT=$url"
    } >> "$env_file"
    echo "gcs: emulator ready at $url (pid $pid)"
    exit 0
  fi
  sleep 0.2
done
echo "gcs: the emulator did not answer within 30 s" >&2
kill "$pid" 2>/dev/null || true
exit 1
