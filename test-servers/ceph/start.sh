#!/usr/bin/env bash
# Starts a single-node Ceph cluster (one monitor, one bluestore OSD on a sparse file, one RADOS Gateway) on 127.0.0.1,
# creates the test user, and appends its endpoint and keys to "$BRONZE_TEST_ENV". Everything lives under
# "$BRONZE_TEST_STATE/ceph" and starts afresh each time. Ports: RGW 7480, monitor 3300 (v2) and 6789 (v1).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${BRONZE_TEST_STATE:?}" "${BRONZE_TEST_ENV:?}"
state="$BRONZE_TEST_STATE/ceph"
port="${BRONZE_TEST_RGW_PORT:-7480}"
access_key=bronzetestaccesskey
secret_key=bronzetestsecretkey0123456789abcdefghij

bash "$here/stop.sh"
rm -rf "$state"
mkdir -p "$state"/{run,log,mon/ceph-a,osd/ceph-0}
conf="$state/ceph.conf"
fsid=$(cat /proc/sys/kernel/random/uuid)
sed -e "s|@STATE@|$state|g" -e "s|@FSID@|$fsid|g" -e "s|@PORT@|$port|g" "$here/ceph.conf.in" > "$conf"
export CEPH_CONF="$conf"
log() { printf '[ceph %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { log "FAILED: $*; logs in $state/log"; tail -n 20 "$state"/log/*.log 2>/dev/null || true; exit 1; }

monmaptool --create --fsid "$fsid" --addv a '[v2:127.0.0.1:3300,v1:127.0.0.1:6789]' "$state/monmap" >/dev/null
ceph-mon --mkfs -i a --monmap "$state/monmap" >/dev/null
ceph-mon -i a || fail "ceph-mon did not start"
log "monitor started"

osd_uuid=$(cat /proc/sys/kernel/random/uuid)
osd_id=$(timeout 60 ceph osd new "$osd_uuid") || fail "the monitor did not answer"
[ "$osd_id" = 0 ] || fail "unexpected OSD id $osd_id"
ceph-osd -i 0 --mkfs --osd-uuid "$osd_uuid" >"$state/log/osd-mkfs.out" 2>&1 || fail "ceph-osd --mkfs failed"
ceph-osd -i 0 || fail "ceph-osd did not start"
log "OSD started"

# radosgw daemonizes only once it has reached the monitor; setsid keeps it out of the caller's process group.
setsid radosgw -n client.rgw </dev/null >"$state/log/radosgw.out" 2>&1 || fail "radosgw did not start"
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then break; fi
  sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/" || fail "RGW did not answer on port $port"
log "RGW answers on 127.0.0.1:$port"

# Every contract test makes a bucket of its own: RGW's default of 1,000 buckets a user runs out after a few full runs
# (then every bucket create answers 400 TooManyBuckets); 0 lifts the limit.
timeout 60 radosgw-admin user create --uid=bronze-test --display-name="Bronze tests" --max-buckets=0 \
  --access-key="$access_key" --secret="$secret_key" >/dev/null || fail "radosgw-admin user create failed"

cat >>"$BRONZE_TEST_ENV" <<ENV
export BRONZE_TEST_S3_RGW_ENDPOINT=http://127.0.0.1:$port
export BRONZE_TEST_S3_RGW_ACCESS_KEY=$access_key
export BRONZE_TEST_S3_RGW_SECRET_KEY=$secret_key
ENV
log "ready"
