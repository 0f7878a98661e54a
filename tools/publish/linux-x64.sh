#!/usr/bin/env bash
# Publishes the bronze CLI as one self-contained Linux file (no .NET SDK or runtime needed where it runs: a Slurm node,
# a container, a Batch job) and prints its path. The runtime pack comes from the NuGet source; the SDK picks its
# version. Output: artifacts/bronze-linux-x64/bronze (override with $1). Incremental: a second run takes seconds.
# The scale-out tests and benchmark call this once per run; docs/scale-out.md shows the same command.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="${1:-$root/artifacts/bronze-linux-x64}"
# Under `dotnet test` the environment carries the outer build's MSBuild settings, which would steer this build wrong.
for variable in $(env | grep -o -i -E '^(MSBUILD[A-Z_]*|DOTNET_HOST_PATH|VSTEST[A-Z_]*)=' | tr -d '='); do unset "$variable"; done
mkdir -p "$(dirname "$out")"
# One publish at a time: the tests and the benchmark may ask at once.
exec 9>"$out.lock"
flock 9
# No build server may outlive the publish: a reused MSBuild node would inherit the lock's descriptor and hold it for
# good, and the next publish would wait forever (seen under test.sh). So no node reuse, and fd 9 closed for dotnet.
MSBUILDDISABLENODEREUSE=1 dotnet publish "$root/src/Bronze.Cli/Bronze.Cli.csproj" -c Release -r linux-x64 --self-contained \
  -p:PublishSingleFile=true --disable-build-servers -o "$out" --nologo -v:q >&2 9>&-
echo "$out/bronze"
