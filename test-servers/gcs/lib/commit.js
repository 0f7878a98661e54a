'use strict';
// The commit of an upload, made to follow Cloud Storage's documented semantics: preconditions (ifGenerationMatch,
// ifGenerationNotMatch) are checked and the object published under one lock per object, so that of concurrent
// uploads with ifGenerationMatch=0 exactly one wins; client-supplied crc32c / md5 are verified against the bytes
// received before anything is published.
const crypto = require('crypto');
const crc = require('./crc32c');

class HttpError extends Error {
  constructor(status, reason, message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  send(res) {
    res.statusCode = this.status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({
      error: { code: this.status, message: this.message, errors: [{ message: this.message, domain: 'global', reason: this.reason }] },
    }));
  }
}

/** Reads `ifGenerationMatch` / `ifGenerationNotMatch` from a query; throws 400 on values that are not numbers. */
function parsePreconditions(query) {
  const preconditions = {};
  for (const name of ['ifGenerationMatch', 'ifGenerationNotMatch']) {
    const value = query.get(name);
    if (value === null) continue;
    if (!/^\d+$/.test(value)) throw new HttpError(400, 'invalid', `Invalid value for ${name}: ${value}`);
    preconditions[name] = value;
  }
  return preconditions;
}

/** Throws 412 when the object's current state breaks a precondition. */
function checkPreconditions(current, preconditions) {
  const generation = current ? String(current.generation) : '0';
  const match = preconditions.ifGenerationMatch;
  const notMatch = preconditions.ifGenerationNotMatch;
  if ((match !== undefined && match !== generation) || (notMatch !== undefined && notMatch === generation)) {
    throw new HttpError(412, 'conditionNotMet', 'At least one of the pre-conditions you specified did not hold.');
  }
}

/** Parses `x-goog-hash: crc32c=...,md5=...` (possibly repeated) into { crc32c, md5Hash } in base64. */
function parseHashHeader(value) {
  const hashes = {};
  const values = Array.isArray(value) ? value : value ? [value] : [];
  for (const part of values.join(',').split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const hash = part.slice(eq + 1).trim();
    if (name === 'crc32c') hashes.crc32c = hash;
    else if (name === 'md5') hashes.md5Hash = hash;
  }
  return hashes;
}

/** The hashes of bytes as they arrive: crc32c and md5, both in Cloud Storage's base64 form at the end. */
class RunningHashes {
  constructor() {
    this.crc = crc.INITIAL;
    this.md5 = crypto.createHash('md5');
  }

  update(bytes) {
    this.crc = crc.update(this.crc, bytes);
    this.md5.update(bytes);
  }

  digest() {
    return { crc32c: crc.toBase64(crc.finish(this.crc)), md5Hash: this.md5.digest('base64') };
  }
}

/** Throws 400 when a hash the client supplied (header or metadata) differs from the one computed. */
function verifyHashes(computed, ...supplied) {
  for (const hashes of supplied) {
    if (hashes.crc32c !== undefined && hashes.crc32c !== computed.crc32c) {
      throw new HttpError(400, 'invalid', `Provided CRC32C "${hashes.crc32c}" doesn't match calculated CRC32C "${computed.crc32c}".`);
    }
    if (hashes.md5Hash !== undefined && hashes.md5Hash !== computed.md5Hash) {
      throw new HttpError(400, 'invalid', `Provided MD5 hash "${hashes.md5Hash}" doesn't match calculated MD5 hash "${computed.md5Hash}".`);
    }
  }
}

/** Publishes uploads through the emulator's storage layer, one commit at a time per object. */
class Committer {
  constructor(storageLayer, persistence) {
    this.storageLayer = storageLayer;
    this.persistence = persistence;
    this.uploadObject = storageLayer.uploadObject.bind(storageLayer);
    this.tails = new Map();
  }

  /**
   * Checks preconditions and hashes, then publishes `upload` (an emulator upload in FINISHED state whose bytes are
   * staged). `computed` holds the hashes of the staged bytes when the caller has them; otherwise they are read back.
   * On any failure the staged bytes are deleted and nothing is published.
   */
  async commit(upload, { preconditions = {}, headerHashes = {}, computed } = {}) {
    return this.withObjectLock(`${upload.bucketId}/${upload.objectId}`, async () => {
      try {
        checkPreconditions(this.storageLayer.getMetadata(upload.bucketId, upload.objectId), preconditions);
        const metadataHashes = { crc32c: upload.metadata?.crc32c ?? undefined, md5Hash: upload.metadata?.md5Hash ?? undefined };
        if (headerHashes.crc32c || headerHashes.md5Hash || metadataHashes.crc32c || metadataHashes.md5Hash) {
          let hashes = computed;
          if (!hashes) {
            const running = new RunningHashes();
            running.update(this.persistence.readBytes(upload.path, upload.size));
            hashes = running.digest();
          }
          verifyHashes(hashes, headerHashes, metadataHashes);
        }
      } catch (err) {
        this.persistence.deleteFile(upload.path, true);
        throw err;
      }
      return this.uploadObject(upload);
    });
  }

  async withObjectLock(key, action) {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release;
    const mine = new Promise((resolve) => { release = resolve; });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await action();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

module.exports = { HttpError, Committer, RunningHashes, parsePreconditions, parseHashHeader };
