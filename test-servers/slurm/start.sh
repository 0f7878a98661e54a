#!/usr/bin/env bash
# Starts a private single-node Slurm cluster on 127.0.0.1 (munged, slurmctld on port 16817, slurmd on 16818: Ceph's
# daemons take 6800-7300, which covers Slurm's default ports) and appends BRONZE_TEST_SLURM_CONF to "$BRONZE_TEST_ENV".
# Tasks that exit 75 (EX_TEMPFAIL) are requeued (RequeueExit=75). Everything lives under "$BRONZE_TEST_STATE/slurm" and
# starts afresh each time. Ports can be moved with BRONZE_TEST_SLURMCTLD_PORT and BRONZE_TEST_SLURMD_PORT.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${BRONZE_TEST_STATE:?}" "${BRONZE_TEST_ENV:?}"
state="$BRONZE_TEST_STATE/slurm"
ctld_port="${BRONZE_TEST_SLURMCTLD_PORT:-16817}"
slurmd_port="${BRONZE_TEST_SLURMD_PORT:-16818}"
host=$(hostname -s)
log() { printf '[slurm %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { log "FAILED: $*; logs in $state/log"; tail -n 20 "$state"/log/*.log 2>/dev/null || true; bash "$here/stop.sh"; exit 1; }

bash "$here/stop.sh"
rm -rf "$state"
mkdir -p "$state"/{munge,log,spool/ctld,spool/d,run}
chmod 0755 "$state/munge"

# munge: a key of its own; Slurm finds the socket through AuthInfo.
mungekey --create --keyfile "$state/munge/munge.key" >/dev/null 2>&1 || fail "mungekey failed"
chmod 0600 "$state/munge/munge.key"
munged --key-file "$state/munge/munge.key" --socket "$state/munge/munge.socket" --log-file "$state/log/munged.log" \
  --pid-file "$state/run/munged.pid" --seed-file "$state/munge/munge.seed" --force || fail "munged did not start"

# The node line comes from this machine's own hardware (CPUs, sockets, memory).
node=$(slurmd -C | head -n 1)
conf="$state/slurm.conf"
cat >"$conf" <<CONF
ClusterName=bronze-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# cred_expire also sets how long a requeued task waits before it runs again (120 s by default).
AuthInfo=socket=$state/munge/munge.socket,cred_expire=10
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# Without these each wave of an array waits about 3 s for the scheduler.
SchedulerParameters=batch_sched_delay=0,sched_interval=1,bf_interval=1
ReturnToService=2
MailProg=/bin/true
# Exit 75 (EX_TEMPFAIL) is what bronze returns when a run failed only for transient reasons: requeue the task.
RequeueExit=75
StateSaveLocation=$state/spool/ctld
SlurmdSpoolDir=$state/spool/d
SlurmctldPidFile=$state/run/slurmctld.pid
SlurmdPidFile=$state/run/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$conf"

setsid slurmctld -D -f "$conf" </dev/null >"$state/log/slurmctld.out" 2>&1 &
echo $! >"$state/run/slurmctld.daemon"
setsid slurmd -D -f "$conf" -N "$host" </dev/null >"$state/log/slurmd.out" 2>&1 &
echo $! >"$state/run/slurmd.daemon"

for _ in $(seq 1 100); do
  if [ "$(sinfo -h -o %T 2>/dev/null)" = idle ]; then
    echo "export BRONZE_TEST_SLURM_CONF=$conf" >>"$BRONZE_TEST_ENV"
    log "ready: node $host idle (SLURM_CONF=$conf)"
    exit 0
  fi
  kill -0 "$(cat "$state/run/slurmctld.daemon")" 2>/dev/null || fail "slurmctld exited"
  kill -0 "$(cat "$state/run/slurmd.daemon")" 2>/dev/null || fail "slurmd exited"
  sleep 0.2
done
fail "the node did not become idle"
