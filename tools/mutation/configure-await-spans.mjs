// Prints Stryker `mutate` exclusions for the `false` of every `.ConfigureAwait(false)` in the given C# files, so that
// Stryker does not make the equivalent ConfigureAwait(true) mutants (the library's code has no synchronization context
// to return to) while it still mutates everything else in those statements.
//
// Why not Stryker's "ignore-methods": ["ConfigureAwait"]: it drops every mutant of a statement that ends in
// .ConfigureAwait(...), the statement's removal and its arguments included, so `await file.FlushAsync()...` could be
// deleted without any test being asked to notice.
//
// An exclusion `!**/path{start..end}` (character offsets, end exclusive) removes the mutants whose node lies inside the
// span: only the literal's own Boolean mutant, never the larger statement around it.
//
// Usage: node tools/mutation/configure-await-spans.mjs FILE.cs [FILE.cs ...]   (paths relative to the current folder)
//   prints a JSON array of patterns, one per file holding a ConfigureAwait(false).
import { readFileSync } from 'node:fs';

const patterns = [];
for (const path of process.argv.slice(2).sort()) {
  // Roslyn's offsets count from after a byte order mark.
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const spans = [];
  for (const match of text.matchAll(/\.ConfigureAwait\(\s*false\s*\)/g)) {
    const start = match.index + match[0].indexOf('false');
    spans.push(`{${start}..${start + 'false'.length}}`);
  }
  if (spans.length > 0) patterns.push(`!**/${path}${spans.join('')}`);
}
console.log(JSON.stringify(patterns));
