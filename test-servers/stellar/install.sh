#!/usr/bin/env bash
# Installs @stellar/stellar-base (pinned, with its lockfile) into tools/stellar: the independent XDR decoder the Stellar
# tests compare Bronze's decoder with. Pure JavaScript, so `npm ci` takes everything from the lockfile.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if ! command -v npm >/dev/null 2>&1; then
  apt-get update
  apt-get install -y --no-install-recommends nodejs npm
fi
cd "$root/tools/stellar"
pinned=$(node -p "require('./package.json').dependencies['@stellar/stellar-base']")
installed=$(node -p "try { require('./node_modules/@stellar/stellar-base/package.json').version } catch { '' }")
[ "$pinned" = "$installed" ] && exit 0
npm ci --no-audit --no-fund
