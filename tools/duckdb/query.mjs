#!/usr/bin/env node
// Runs SQL through DuckDB (an independent Parquet reader and peer writer) for Bronze's tests and benchmarks.
// Input (stdin): a JSON array of SQL statements. Output (stdout): a JSON array with one entry per statement, each
// an array of row objects whose values are JSON-safe (BIGINT, HUGEINT and DECIMAL as strings, BLOB as \x.. text).
// Errors go to stderr with exit code 1. `SET threads=...` and other settings apply to the statements that follow.
import { DuckDBInstance } from '@duckdb/node-api';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const statements = JSON.parse(Buffer.concat(chunks).toString('utf8'));
if (!Array.isArray(statements)) throw new Error('stdin must hold a JSON array of SQL statements');

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const results = [];
try {
  for (const sql of statements) {
    const reader = await connection.runAndReadAll(sql);
    results.push(reader.getRowObjectsJson());
  }
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
} finally {
  connection.closeSync();
}
process.stdout.write(JSON.stringify(results));
