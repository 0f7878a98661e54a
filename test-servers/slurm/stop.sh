#!/usr/bin/env bash
# Stops the cluster start.sh started: cancels its jobs, shuts slurmctld and slurmd down, stops munged, and waits until
# each has exited. Processes are found by the pid files start.sh wrote, never by name (slurmstepd rewrites its own).
set -uo pipefail
: "${BRONZE_TEST_STATE:?}"
state="$BRONZE_TEST_STATE/slurm"
conf="$state/slurm.conf"
[ -d "$state/run" ] || exit 0

wait_gone() { # pid: TERM, then KILL after 10 s, and wait until it has gone
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null
  while kill -0 "$pid" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]; do sleep 0.1; done
}

if [ -f "$conf" ] && [ -f "$state/run/slurmctld.daemon" ] && kill -0 "$(cat "$state/run/slurmctld.daemon")" 2>/dev/null; then
  export SLURM_CONF="$conf"
  scancel --quiet --user=root 2>/dev/null || true
  for _ in $(seq 1 50); do [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.2; done
  scontrol shutdown >/dev/null 2>&1 || true
fi
for daemon in slurmd slurmctld; do
  file="$state/run/$daemon.daemon"
  [ -f "$file" ] && wait_gone "$(cat "$file")"
  rm -f "$file"
done
if [ -f "$state/run/munged.pid" ]; then
  wait_gone "$(cat "$state/run/munged.pid")"
  rm -f "$state/run/munged.pid"
fi
exit 0
