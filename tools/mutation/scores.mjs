// Merges the Stryker JSON reports of one target's passes and prints the score of every mutated file.
// A mutant is the same in every pass (same file, place, mutator and replacement); it counts as killed when any
// pass killed it, so a pass that runs only the tests left out of another pass (the crash tests) adds its kills.
// Score = killed / (killed + survived + timeout): the covered mutants the tests noticed. Stryker's own score also
// counts timeouts as detected; here a timeout is kept apart because a hung test is not an assertion.
//
// --without REGEX scores as if the tests whose full name matches were absent (e.g. the tests a change added, to get
// the score before it): a mutant counts as killed only if another test killed it, and as covered only if another
// test covers it. Exact only for reports of runs with MUTATION_ALL_KILLERS=1, which name every killing test.
//
// Usage: node tools/mutation/scores.mjs [--without REGEX] SURVIVORS_FILE REPORT.json [REPORT.json ...]
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const args = process.argv.slice(2);
const without = args[0] === '--without' ? new RegExp(args.splice(0, 2)[1]) : null;
const [survivorsFile, ...reports] = args;
const rank = { Killed: 5, Timeout: 4, Survived: 3, NoCoverage: 2 };
const merged = new Map();
for (const report of reports) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const absent = new Set();
  for (const file of Object.values(json.testFiles ?? {})) {
    for (const t of file.tests ?? []) if (without?.test(t.name)) absent.add(t.id);
  }
  for (const [path, file] of Object.entries(json.files)) {
    const name = relative(process.cwd(), path);
    for (const original of file.mutants) {
      const m = without ? withoutTests(original, absent) : original;
      const s = m.location.start, e = m.location.end;
      const key = `${name}:${s.line}:${s.column}-${e.line}:${e.column}:${m.mutatorName}:${m.replacement}`;
      const seen = merged.get(key);
      if (!seen || (rank[m.status] ?? 0) > (rank[seen.status] ?? 0)) merged.set(key, { ...m, file: name });
    }
  }
}

function withoutTests(m, absent) {
  const present = ids => (ids ?? []).filter(id => !absent.has(id));
  if (m.coveredBy && present(m.coveredBy).length === 0 && ['Killed', 'Survived', 'Timeout'].includes(m.status)) return { ...m, status: 'NoCoverage' };
  if (m.status === 'Killed' && m.killedBy && present(m.killedBy).length === 0) return { ...m, status: 'Survived' };
  return m;
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
