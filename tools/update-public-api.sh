#!/usr/bin/env bash
# Regenerates the public API baseline of every src project (PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt, which
# Microsoft.CodeAnalysis.PublicApiAnalyzers checks on every build: RS0016 public but not declared, RS0017 declared but
# gone) from the code as it is:
#   - every public symbol that PublicAPI.Shipped.txt does not list goes into PublicAPI.Unshipped.txt;
#   - a listed symbol that no longer exists is dropped from both files; drops from PublicAPI.Shipped.txt are printed,
#     since they break users of a released version.
# Run it after a merge that adds or changes public types, review `git diff -- '*PublicAPI*'`, and commit.
#
# Usage: tools/update-public-api.sh [--ship] [src/Project ...]
#   --ship   a release: everything public goes into PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt is emptied
#   default  every project under src/
# Takes about a minute per project on a loaded 2-core machine (dotnet format loads the whole project).
set -euo pipefail
cd "$(dirname "$0")/.."

ship=false
if [ "${1:-}" = "--ship" ]; then ship=true; shift; fi
if [ "$#" -eq 0 ]; then set -- src/*/; fi

header='#nullable enable'
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for dir in "$@"; do
  dir=${dir%/}
  project=$(ls "$dir"/*.csproj)
  shipped=$dir/PublicAPI.Shipped.txt
  unshipped=$dir/PublicAPI.Unshipped.txt
  [ -f "$shipped" ] || echo "$header" > "$shipped"
  grep -v '^#' "$shipped" | LC_ALL=C sort -u > "$scratch/before" || true

  # With both files empty, the RS0016 code fix writes every public symbol into PublicAPI.Unshipped.txt.
  echo "$header" > "$shipped"
  echo "$header" > "$unshipped"
  echo "[update-public-api] $project"
  dotnet format analyzers "$project" --diagnostics RS0016 --severity info > "$scratch/format.log" 2>&1 \
    || { cat "$scratch/format.log"; exit 1; }
  grep -v '^#' "$unshipped" | LC_ALL=C sort -u > "$scratch/now" || true

  if $ship; then
    { echo "$header"; cat "$scratch/now"; } > "$shipped"
    echo "$header" > "$unshipped"
  else
    { echo "$header"; LC_ALL=C comm -12 "$scratch/before" "$scratch/now"; } > "$shipped"
    { echo "$header"; LC_ALL=C comm -13 "$scratch/before" "$scratch/now"; } > "$unshipped"
  fi
  removed=$(LC_ALL=C comm -23 "$scratch/before" "$scratch/now")
  if [ -n "$removed" ]; then
    echo "[update-public-api] warning: no longer in the code, dropped from $shipped:"
    echo "$removed" | sed 's/^/  /'
  fi
done
