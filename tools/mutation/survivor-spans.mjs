// Turns the mutants an earlier pass left alive into Stryker `mutate` patterns, so that a later pass tests only those.
// Stryker.NET 5.1.0 has no option to pick mutants by id, but a `mutate` glob may end in text spans,
// `path{start..end}{start..end}...` (character offsets in the file, end exclusive), and it keeps a mutant when one span
// contains the node it mutates. So each live mutant becomes the span of its node, computed from the report's
// 1-based line and column. A span can also contain smaller mutants inside that node; those are tested too (cheap).
//
// Usage: node tools/mutation/survivor-spans.mjs [--files REGEX] [--status S,S] REPORT.json [REPORT.json ...]
//   prints a JSON array of patterns (e.g. ["**/src/Bronze/Storage/LocalStore.Put.cs{812..840}{1203..1290}"]);
//   --files keeps only files whose path relative to the current folder matches REGEX;
//   --status (default Survived,NoCoverage) are the statuses to keep; a mutant killed in any report is left out.
// The patterns are relative to the current folder (the repository root) with a leading **/, because Stryker matches
// them against each file's full path.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const args = process.argv.slice(2);
let files = null;
let statuses = new Set(['Survived', 'NoCoverage']);
while (args[0]?.startsWith('--')) {
  const [flag, value] = args.splice(0, 2);
  if (flag === '--files') files = new RegExp(value);
  else if (flag === '--status') statuses = new Set(value.split(','));
  else throw new Error(`unknown option ${flag}`);
}

const best = new Map(); // file -> key -> { status, span }
const rank = { Killed: 5, Timeout: 4, Survived: 3, NoCoverage: 2 };
for (const report of args) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  for (const [path, file] of Object.entries(json.files)) {
    const name = relative(process.cwd(), path);
    if (files && !files.test(name)) continue;
    const starts = lineStarts(file.source ?? readFileSync(path, 'utf8'));
    const mutants = best.get(name) ?? new Map();
    best.set(name, mutants);
    for (const m of file.mutants) {
      const s = m.location.start, e = m.location.end;
      const key = `${s.line}:${s.column}-${e.line}:${e.column}:${m.mutatorName}:${m.replacement}`;
      const seen = mutants.get(key);
      if (seen && (rank[seen.status] ?? 0) >= (rank[m.status] ?? 0)) continue;
      mutants.set(key, { status: m.status, span: [starts[s.line - 1] + s.column - 1, starts[e.line - 1] + e.column - 1] });
    }
  }
}

const patterns = [];
for (const [name, mutants] of [...best.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  const spans = [...new Set([...mutants.values()].filter(m => statuses.has(m.status)).map(m => `{${m.span[0]}..${m.span[1]}}`))];
  if (spans.length > 0) patterns.push(`**/${name}${spans.sort().join('')}`);
}
console.log(JSON.stringify(patterns));

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
