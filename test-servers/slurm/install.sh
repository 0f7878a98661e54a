#!/usr/bin/env bash
# Slurm (slurmctld, slurmd, the client commands) and munge from Debian, for the scale-out tests' private single-node
# cluster. Idempotent: does nothing when they are installed. No daemon starts by itself (start.sh starts them).
set -euo pipefail
if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null && command -v munged >/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
command -v slurmctld >/dev/null && command -v munged >/dev/null
