#!/usr/bin/env bash
# Installs DuckDB (pinned @duckdb/node-api; its binary ships inside the npm package) into tools/duckdb from its
# lockfile. `npm ci` refuses this lockfile here: the npm source lacks the other platforms' optional binding packages,
# so they cannot be locked; `npm install` still takes every version and integrity hash from the lockfile.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if ! command -v npm >/dev/null 2>&1; then
  apt-get update
  apt-get install -y --no-install-recommends nodejs npm
fi
cd "$root/tools/duckdb"
pinned=$(node -p "require('./package.json').dependencies['@duckdb/node-api']")
installed=$(node -p "try { require('./node_modules/@duckdb/node-api/package.json').version } catch { '' }")
[ "$pinned" = "$installed" ] && exit 0
npm install --no-audit --no-fund --no-save
