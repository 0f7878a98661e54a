// Merges the Stryker JSON reports of one target's passes and prints the score of every mutated file.
// A mutant is the same in every pass (same file, place, mutator and replacement); it counts as killed when any
// pass killed it, so a pass that runs only the tests left out of another pass (the crash tests) adds its kills.
// Score = killed / (killed + survived + timeout): the covered mutants the tests noticed. Stryker's own score also
// counts timeouts as detected; here a timeout is kept apart because a hung test is not an assertion.
//
// Usage: node tools/mutation/scores.mjs SURVIVORS_FILE REPORT.json [REPORT.json ...]
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const [survivorsFile, ...reports] = process.argv.slice(2);
const rank = { Killed: 5, Timeout: 4, Survived: 3, NoCoverage: 2 };
const merged = new Map();
for (const report of reports) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  for (const [path, file] of Object.entries(json.files)) {
    const name = relative(process.cwd(), path);
    for (const m of file.mutants) {
      const s = m.location.start, e = m.location.end;
      const key = `${name}:${s.line}:${s.column}-${e.line}:${e.column}:${m.mutatorName}:${m.replacement}`;
      const seen = merged.get(key);
      if (!seen || (rank[m.status] ?? 0) > (rank[seen.status] ?? 0)) merged.set(key, { ...m, file: name });
    }
  }
}

const files = new Map();
const survivors = [];
for (const m of merged.values()) {
  const f = files.get(m.file) ?? { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, other: 0 };
  if (m.status in f) f[m.status]++; else f.other++;
  files.set(m.file, f);
  if (m.status === 'Survived') {
    survivors.push(`${m.file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}: ${m.replacement ?? ''}`.replace(/\s+/g, ' '));
  }
}
survivors.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
writeFileSync(survivorsFile, survivors.join('\n') + (survivors.length ? '\n' : ''));

const score = f => {
  const covered = f.Killed + f.Survived + f.Timeout;
  return covered === 0 ? '-' : `${(100 * f.Killed / covered).toFixed(0)}%`;
};
const total = { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, other: 0 };
const rows = [...files.entries()].sort(([a], [b]) => a.localeCompare(b));
console.log('| file | score | killed | survived | timeout | no coverage | other |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [name, f] of rows) {
  for (const k of Object.keys(total)) total[k] += f[k];
  console.log(`| ${name} | ${score(f)} | ${f.Killed} | ${f.Survived} | ${f.Timeout} | ${f.NoCoverage} | ${f.other} |`);
}
console.log(`| all | ${score(total)} | ${total.Killed} | ${total.Survived} | ${total.Timeout} | ${total.NoCoverage} | ${total.other} |`);
console.log(`survivors listed in ${survivorsFile}`);
