#!/usr/bin/env node
'use strict';
// Starts the Cloud Storage emulator of firebase-tools without `firebase emulators:start` (which needs Java 21 and
// downloads a rules jar), and puts in front of it the upload endpoints of lib/uploads.js, which make it follow
// Google's documented semantics where the emulator as shipped does not. README.md lists every change and why.
//
// Usage: node launcher.js [--host 127.0.0.1] [--port 9199] [--project demo-bronze] [--log-requests]
const http = require('http');
const storage = require('firebase-tools/lib/emulator/storage');
const { StorageRulesRuntime } = require('firebase-tools/lib/emulator/storage/rules/runtime');
const { createApp } = require('firebase-tools/lib/emulator/storage/server');
const { CloudStorageObjectMetadata } = require('firebase-tools/lib/emulator/storage/metadata');
const { EmulatorRegistry } = require('firebase-tools/lib/emulator/registry');
const emulatorCrc = require('firebase-tools/lib/emulator/storage/crc');
const crc = require('./lib/crc32c');
const { Committer } = require('./lib/commit');
const { UploadEndpoints } = require('./lib/uploads');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const host = option('host', '127.0.0.1');
const port = Number(option('port', '9199'));
const projectId = option('project', 'demo-bronze');
const logRequests = process.argv.includes('--log-requests');

// Only the admin (JSON API) storage layer is used; Firebase security rules need the Java runtime, so they are
// stubbed out instead of started.
StorageRulesRuntime.prototype.start = async () => {};
StorageRulesRuntime.prototype.stop = async () => {};
storage.StorageEmulator.prototype.createRulesManager = () => ({
  start: async () => ({ errors: [], warnings: [] }),
  stop: async () => {},
  getRuleset: () => undefined,
});
// Same values, computed several times faster (the emulator hashes every object it stores).
emulatorCrc.crc32c = crc.crc32c;

async function main() {
  const emulator = new storage.StorageEmulator({ host, port, projectId, rules: [], auto_download: false });
  // The emulator builds object links from the registry; register it as `firebase emulators:start` would.
  EmulatorRegistry.set(emulator.getName(), emulator);
  const app = await createApp(projectId, emulator);
  const committer = new Committer(emulator.adminStorageLayer, emulator._persistence);
  const uploads = new UploadEndpoints(emulator, committer, (stored) => new CloudStorageObjectMetadata(stored));
  const server = http.createServer((req, res) => {
    if (logRequests) {
      res.on('finish', () => console.log(
        `${req.method} ${req.url} range=${req.headers['content-range'] ?? '-'} hash=${req.headers['x-goog-hash'] ?? '-'} -> ${res.statusCode}`));
    }
    if (!uploads.handle(req, res)) app(req, res);
  });
  server.requestTimeout = 0;
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  console.log(`gcs emulator ready on http://${host}:${port} (project ${projectId}, blobs in ${emulator._persistence.dirPath})`);

  const stop = async () => {
    server.close();
    server.closeAllConnections();
    await emulator._persistence.deleteAll().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
