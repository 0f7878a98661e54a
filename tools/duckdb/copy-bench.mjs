#!/usr/bin/env node
// Peer-writer benchmark: DuckDB `COPY ... TO` on one thread, for Bronze's Parquet writer benchmark.
// Usage: node copy-bench.mjs SOURCE.parquet OUTPUT.parquet CODEC [REPEATS]
// Loads SOURCE into an in-memory table first (not timed), then times COPY of that table to OUTPUT with CODEC
// (uncompressed, snappy, zstd, gzip, brotli) REPEATS times (default 2). Prints JSON: {"seconds": [...], "bytes": N}.
import { DuckDBInstance } from '@duckdb/node-api';
import { statSync } from 'node:fs';

const [source, output, codec, repeatsText] = process.argv.slice(2);
if (!source || !output || !codec) {
  process.stderr.write('usage: copy-bench.mjs SOURCE OUTPUT CODEC [REPEATS]\n');
  process.exit(2);
}
const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run('SET threads = 1');
await connection.run(`CREATE TABLE t AS SELECT * FROM read_parquet(${quote(source)})`);
const seconds = [];
for (let i = 0; i < Number(repeatsText ?? 2); i++) {
  const start = performance.now();
  await connection.run(`COPY t TO ${quote(output)} (FORMAT parquet, COMPRESSION ${codec})`);
  seconds.push((performance.now() - start) / 1000);
}
connection.closeSync();
process.stdout.write(JSON.stringify({ seconds, bytes: statSync(output).size }));
