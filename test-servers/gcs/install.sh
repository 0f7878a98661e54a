#!/usr/bin/env bash
# Installs the Cloud Storage emulator (firebase-tools, pinned in package.json and package-lock.json) into
# node_modules here with `npm ci`. Idempotent: skipped when node_modules already matches the lockfile. npm's cache,
# logs and node-gyp's headers stay under .npm-cache/ here, so nothing is cached outside the repository.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm
fi

stamp=node_modules/.bronze-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
   && node -e "require.resolve('firebase-tools/lib/emulator/storage')" 2>/dev/null; then
  echo "gcs: firebase-tools already installed"
  exit 0
fi

export npm_config_cache="$PWD/.npm-cache"
export npm_config_logs_dir="$PWD/.npm-cache/_logs"
export npm_config_devdir="$PWD/.npm-cache/node-gyp"
export npm_config_update_notifier=false
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
