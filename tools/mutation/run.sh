#!/usr/bin/env bash
# Mutation test of Bronze's safety-critical code with dotnet-stryker (pinned in dotnet-tools.json).
# Not part of test.sh: a target takes tens of minutes on a 2-core machine.
#
# Interface (stable; other scripts and notes rely on it):
#   tools/mutation/run.sh [TARGET ...]        TARGET = a folder name under tools/mutation/targets/ (store, core,
#                                             s3, gcs, ...); no TARGET runs them all, one after another
#   MUTATION_CONCURRENCY=N                    Stryker's --concurrency (default 1: the machine is shared)
#   MUTATION_REUSE=1                          skip Stryker, re-score the reports a previous run left
#   MUTATION_ALL_KILLERS=1                    run every covering test on each mutant (--disable-bail), so the
#                                             report's killedBy names all the tests that kill it: slower, but it
#                                             tells what a subset of the tests (say, before new ones) would score
#   MUTATION_PASSES=REGEX                     run only the passes whose name matches (e.g. '^2-'); the others'
#                                             reports from a previous run are re-used for the scores
# Output: artifacts/mutation/TARGET/PASS/ (Stryker's logs and reports/mutation-report.{json,html}),
#         artifacts/mutation/TARGET/scores.md (per-file table, also printed) and survivors.txt (one line a survivor).
#
# A target is a folder of Stryker config files, one per pass, run in name order with the same mutants:
#   - Stryker's MTP runner captures per-test coverage through a relay file per process that loaded mutated code
#     (TMPDIR/stryker-epoch-*-<32 hex>.txt, memory-mapped by a thread of that process). Stryker 5.1.0 never deletes
#     one, and waits for every relay it finds, 10 s each, before marking the test Dubious. So once a process that
#     held one is gone (a test host Stryker restarted after a test overran its timeout, or a .NET child a test
#     started on the mutated assembly: the SIGKILL crash writer, the bronze CLI), every later test takes 10 s more
#     and loses its coverage. Two measures: the tests that start such children run in a pass of their own
#     (test-case-filter), and while Stryker runs, a reaper below deletes every relay no live process maps.
#   - scores.mjs merges the passes: a mutant is killed when any pass killed it.
#   - A pass whose config has "only-survivors-of": "PASS" tests only the mutants that pass left alive (survived or not
#     covered): survivor-spans.mjs turns them into `mutate` text spans (Stryker 5.1.0 cannot pick mutants by id).
#     That is how the slow SIGKILL crash test (store/2-crash-tests, 15-30 s a mutant) stays practical: it runs on the
#     few dozen mutants the fast tests did not kill (29 covered ones in 12 minutes in the first run) instead of
#     every covered mutant (269, hours). The pass is skipped when nothing survived.
# The servers the S3 and GCS targets need are the ones test.sh starts (source their env file first).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
targets_dir=tools/mutation/targets
concurrency=${MUTATION_CONCURRENCY:-1}
bail_flag=
if [ "${MUTATION_ALL_KILLERS:-0}" = 1 ]; then bail_flag=--disable-bail; fi

if [ "$#" -eq 0 ]; then set -- $(ls "$targets_dir"); fi
for target in "$@"; do
  [ -d "$targets_dir/$target" ] || { echo "unknown target '$target'; known: $(ls "$targets_dir" | tr '\n' ' ')" >&2; exit 2; }
done

dotnet tool restore >/dev/null
# Stryker's coverage and relay files go to the temp folder: keep them apart from other runs on the machine
export TMPDIR=$root/artifacts/mutation/tmp
mkdir -p "$TMPDIR"
# Deletes the coverage relays of processes that are gone (see above); a relay a live process maps is left alone.
reap_dead_relays() {
  while sleep 2; do
    for relay in "$TMPDIR"/stryker-epoch-*; do
      [[ $relay =~ -[0-9a-f]{32}\.txt$ ]] || continue
      grep -qsF "$relay" /proc/[0-9]*/maps || rm -f "$relay"
    done
  done
}
reap_dead_relays &
reaper=$!
trap 'kill $reaper 2>/dev/null' EXIT

# The equivalent ConfigureAwait(true) mutants are left out by text span (configure-await-spans.mjs says why not
# Stryker's ignore-methods); every other mutant of those statements, their removal included, is tested.
await_spans=$(node tools/mutation/configure-await-spans.mjs $(git ls-files 'src/*.cs'))

for target in "$@"; do
  out=artifacts/mutation/$target
  reports=()
  for config in "$targets_dir/$target"/*.json; do
    pass=$(basename "$config" .json)
    if [ "${MUTATION_REUSE:-0}" != 1 ] && [[ $pass =~ ${MUTATION_PASSES:-.} ]]; then
      rm -rf "${out:?}/$pass"
      echo "== $target/$pass: $(date -u +%H:%M:%S) UTC"
      mkdir -p "$out/$pass"
      survivors_of=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))["stryker-config"]["only-survivors-of"] ?? ""' "$config")
      spans=null
      if [ -n "$survivors_of" ]; then
        earlier=$out/$survivors_of/reports/mutation-report.json
        [ -f "$earlier" ] || { echo "$config needs the report of $survivors_of: run that pass first" >&2; exit 1; }
        spans=$(node tools/mutation/survivor-spans.mjs "$earlier")
        echo "   only the $(node -p 'JSON.parse(process.argv[1]).map(p => p.split("{").length - 1).reduce((a, b) => a + b, 0)' "$spans") mutant spans $survivors_of left alive"
        if [ "$spans" = "[]" ]; then
          echo "   nothing survived $survivors_of: skipped"
          continue
        fi
      fi
      # Stryker refuses test projects in a folder holding a solution (the root), so it runs in the first test
      # project's folder, on a copy of the config whose paths are absolute.
      node -e '
        const [config, root, copy, spans, awaitSpans] = process.argv.slice(1);
        const json = JSON.parse(require("fs").readFileSync(config, "utf8"));
        const c = json["stryker-config"];
        if (c["only-survivors-of"]) c.mutate = JSON.parse(spans);
        delete c["only-survivors-of"];
        c.mutate.push(...JSON.parse(awaitSpans));
        c["test-projects"] = c["test-projects"].map(p => require("path").resolve(root, p));
        // A test that overruns its timeout while coverage is captured restarts the test host (see above): on a loaded
        // machine a test can take several times its first run, so allow 30 s on top of the estimate of Stryker.
        c["additional-timeout"] ??= 30000;
        require("fs").writeFileSync(copy, JSON.stringify(json, null, 2));
        console.log(require("path").dirname(c["test-projects"][0]));
      ' "$config" "$root" "$out/$pass/stryker-config.json" "$spans" "$await_spans" > "$out/$pass/workdir"
      (cd "$(cat "$out/$pass/workdir")" && dotnet dotnet-stryker --config-file "$root/$out/$pass/stryker-config.json" \
        --test-runner mtp --concurrency "$concurrency" --reporter json --reporter html --reporter progress \
        --skip-version-check --output "$root/$out/$pass" ${bail_flag})
    fi
    if [ -f "$out/$pass/reports/mutation-report.json" ]; then reports+=("$out/$pass/reports/mutation-report.json"); fi
  done
  echo "== $target: scores"
  node tools/mutation/scores.mjs "$out/survivors.txt" "${reports[@]}" | tee "$out/scores.md"
done
