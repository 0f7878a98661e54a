#!/usr/bin/env bash
# Starts moto's S3 server on 127.0.0.1 (port 5111 unless BRONZE_TEST_MOTO_PORT says otherwise) and appends its
# endpoint to "$BRONZE_TEST_ENV". State and log under "$BRONZE_TEST_STATE/moto".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${BRONZE_TEST_STATE:?}" "${BRONZE_TEST_ENV:?}"
state="$BRONZE_TEST_STATE/moto"
port="${BRONZE_TEST_MOTO_PORT:-5111}"

bash "$here/stop.sh"
mkdir -p "$state"
setsid moto_server -H 127.0.0.1 -p "$port" </dev/null >"$state/moto.log" 2>&1 &
echo $! >"$state/moto.pid"
for _ in $(seq 1 100); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then
    cat >>"$BRONZE_TEST_ENV" <<ENV
export BRONZE_TEST_S3_MOTO_ENDPOINT=http://127.0.0.1:$port
ENV
    echo "[moto] ready on 127.0.0.1:$port"
    exit 0
  fi
  kill -0 "$(cat "$state/moto.pid")" 2>/dev/null || break
  sleep 0.2
done
echo "[moto] FAILED: moto_server did not answer on port $port; log:" >&2
tail -n 20 "$state/moto.log" >&2
bash "$here/stop.sh"
exit 1
