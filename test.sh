#!/usr/bin/env bash
# Runs every Bronze test against real servers: installs what is missing (apt-get, npm), starts the servers on
# 127.0.0.1, runs `dotnet test Bronze.sln` and the benchmarks' quick check, and stops the servers again, whatever
# happens. Arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~LocalStore).
#
# Each folder under test-servers/ may hold:
#   install.sh  idempotent install of what the server needs (apt-get / npm ci)
#   start.sh    starts it; appends `export VAR=value` lines for the tests to "$BRONZE_TEST_ENV"
#   stop.sh     stops it and waits until it has exited
# Under CI=true a server that fails to install or start fails the run; elsewhere the tests that need it skip.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
export BRONZE_TEST_STATE="$root/.test-servers"
export BRONZE_TEST_ENV="$BRONZE_TEST_STATE/env.sh"
mkdir -p "$BRONZE_TEST_STATE"
: > "$BRONZE_TEST_ENV"

say() { printf '[test.sh %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

stop_servers() {
  for stop in test-servers/*/stop.sh; do
    [ -f "$stop" ] || continue
    say "stopping $(basename "$(dirname "$stop")")"
    bash "$stop" || say "warning: $stop failed"
  done
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

server_failed() {
  if [ "${CI:-}" = "true" ]; then say "FAILED: $1 (under CI=true every server is required)"; exit 1; fi
  say "warning: $1; the tests that need it will skip"
}

for dir in test-servers/*/; do
  name=$(basename "$dir")
  if [ -f "$dir/install.sh" ]; then
    say "installing $name"
    bash "$dir/install.sh" || { server_failed "$name did not install"; continue; }
  fi
  if [ -f "$dir/start.sh" ]; then
    say "starting $name"
    bash "$dir/start.sh" || server_failed "$name did not start"
  fi
done
# shellcheck disable=SC1090
source "$BRONZE_TEST_ENV"

say "running dotnet test Bronze.sln"
log="$BRONZE_TEST_STATE/dotnet-test.log"
dotnet test Bronze.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Benchmarks never rot: every benchmark once, quickly, against the same servers.
say "running the benchmarks' quick check"
dotnet run -c Release --project benchmarks/Bronze.Benchmarks -- --check > "$BRONZE_TEST_STATE/benchmarks-check.log" 2>&1
bench=$?
if [ "$bench" -ne 0 ]; then
  tail -n 40 "$BRONZE_TEST_STATE/benchmarks-check.log"
  say "FAILED: benchmarks --check exited $bench (log: $BRONZE_TEST_STATE/benchmarks-check.log)"
  [ "$status" -ne 0 ] || status=$bench
fi

# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)! +- Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
