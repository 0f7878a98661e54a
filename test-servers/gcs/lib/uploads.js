'use strict';
// The upload endpoints of the JSON API (POST/PUT/DELETE /upload/storage/v1/b/{bucket}/o), served here instead of
// by the emulator so that they follow Google's documented protocol:
//  - resumable uploads: a session takes chunks (Content-Range: bytes a-b/total or a-b/*), persists whole 256 KiB
//    units of a non-final chunk, answers 308 with Range until the final byte, then commits; `bytes */total` and
//    `bytes */*` query the session's state; DELETE cancels it (499);
//  - media and multipart uploads commit in one request;
//  - every commit enforces ifGenerationMatch / ifGenerationNotMatch atomically per object and verifies the
//    client's crc32c / md5 (x-goog-hash header or object metadata) before anything is published.
const { HttpError, RunningHashes, parsePreconditions, parseHashHeader } = require('./commit');

const UNIT = 256 * 1024;
const MAX_BODY = 512 * 1024 * 1024;
const UPLOAD_PATH = /^\/upload\/storage\/v1\/b\/([^/]+)\/o\/?$/;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const parts = [];
    let length = 0;
    req.on('data', (part) => {
      length += part.length;
      if (length > MAX_BODY) {
        reject(new HttpError(413, 'uploadTooLarge', `A request body may hold at most ${MAX_BODY} bytes.`));
        req.destroy();
        return;
      }
      parts.push(part);
    });
    req.on('end', () => resolve(Buffer.concat(parts, length)));
    req.on('error', reject);
  });
}

function parseJson(body) {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'parseError', 'The request body is not valid JSON.');
  }
}

/** Parses Content-Range: { start, end } for bytes, or null for `*`; total a number or null for `*`. */
function parseContentRange(header, bodyLength) {
  if (header === undefined) return { range: bodyLength > 0 ? { start: 0, end: bodyLength - 1 } : null, total: bodyLength };
  const match = /^bytes (?:\*|(\d+)-(\d+))\/(\*|\d+)$/.exec(header.trim());
  if (!match) throw new HttpError(400, 'invalid', `Malformed Content-Range: ${header}`);
  const range = match[1] === undefined ? null : { start: Number(match[1]), end: Number(match[2]) };
  const total = match[3] === '*' ? null : Number(match[3]);
  if (range && (range.end < range.start || range.end - range.start + 1 !== bodyLength)) {
    throw new HttpError(400, 'invalid', `Content-Range ${header} does not match a body of ${bodyLength} bytes.`);
  }
  if (!range && bodyLength > 0) throw new HttpError(400, 'invalid', `Content-Range ${header} cannot carry a body.`);
  if (range && total !== null && range.end >= total) throw new HttpError(400, 'invalid', `Content-Range ${header} ends past the total.`);
  return { range, total };
}

class UploadEndpoints {
  constructor(emulator, committer, objectJson) {
    this.storageLayer = emulator.adminStorageLayer;
    this.uploadService = emulator.uploadService;
    this.persistence = emulator._persistence;
    this.committer = committer;
    this.objectJson = objectJson;
    this.sessions = new Map();
  }

  /** Serves the request when it is an upload; returns false to leave it to the emulator. */
  handle(req, res) {
    const url = new URL(req.url, 'http://emulator');
    if (req.method === 'GET' && url.pathname === '/_bronze/upload-sessions') return this.describeSessions(res, url);
    const match = UPLOAD_PATH.exec(url.pathname);
    if (!match) return false;
    const bucket = decodeURIComponent(match[1]);
    const run = async () => {
      if (req.method === 'POST') return this.post(req, res, url, bucket);
      if (req.method === 'PUT') return this.put(req, res, url);
      if (req.method === 'DELETE') return this.cancel(res, url);
      throw new HttpError(405, 'methodNotAllowed', `${req.method} is not allowed on uploads.`);
    };
    run().catch((err) => {
      if (err instanceof HttpError) return err.send(res);
      console.error(err);
      return new HttpError(500, 'backendError', String(err && err.message)).send(res);
    });
    return true;
  }

  async post(req, res, url, bucket) {
    const uploadType = url.searchParams.get('uploadType') || req.headers['x-goog-upload-protocol'];
    const preconditions = parsePreconditions(url.searchParams);
    const body = await readBody(req);
    this.storageLayer.createBucket(bucket);
    if (uploadType === 'resumable') return this.startSession(req, res, url, bucket, preconditions, parseJson(body));
    let upload;
    if (uploadType === 'multipart') {
      const { parseObjectUploadMultipartRequest } = require('firebase-tools/lib/emulator/storage/multipart');
      const contentType = req.headers['content-type'];
      if (!contentType) throw new HttpError(400, 'invalid', 'A multipart upload needs a Content-Type.');
      let parts;
      try {
        parts = parseObjectUploadMultipartRequest(contentType, body);
      } catch (err) {
        throw new HttpError(400, 'invalid', err.message);
      }
      const metadata = JSON.parse(parts.metadataRaw);
      const name = objectName(url, metadata);
      upload = this.uploadService.multipartUpload({
        bucketId: bucket, objectId: name, metadata, dataRaw: parts.dataRaw, authorization: req.headers.authorization,
      });
    } else {
      const name = objectName(url, {});
      upload = this.uploadService.mediaUpload({
        bucketId: bucket, objectId: name, dataRaw: body, contentType: req.headers['content-type'], authorization: req.headers.authorization,
      });
    }
    const stored = await this.committer.commit(upload, { preconditions, headerHashes: parseHashHeader(req.headers['x-goog-hash']) });
    return this.sendObject(res, stored);
  }

  startSession(req, res, url, bucket, preconditions, metadata) {
    const name = objectName(url, metadata);
    // Like Cloud Storage, refuse a session that could never commit; the check is repeated at commit.
    const current = this.storageLayer.getMetadata(bucket, name);
    if (preconditions.ifGenerationMatch !== undefined && preconditions.ifGenerationMatch !== String(current ? current.generation : 0)) {
      throw new HttpError(412, 'conditionNotMet', 'At least one of the pre-conditions you specified did not hold.');
    }
    const declared = req.headers['x-upload-content-length'];
    const upload = this.uploadService.startResumableUpload({
      bucketId: bucket,
      objectId: name,
      metadata: { contentType: req.headers['x-upload-content-type'], ...metadata },
      authorization: req.headers.authorization,
    });
    this.sessions.set(upload.id, {
      bucket,
      name,
      upload,
      preconditions,
      declaredSize: declared === undefined ? null : Number(declared),
      hashes: new RunningHashes(),
      received: 0,
      state: 'active',
      result: null,
      crc32cChecked: false,
    });
    const location = new URL(`http://${req.headers.host}/upload/storage/v1/b/${encodeURIComponent(bucket)}/o`);
    location.searchParams.set('uploadType', 'resumable');
    location.searchParams.set('name', name);
    location.searchParams.set('upload_id', upload.id);
    res.statusCode = 200;
    res.setHeader('location', location.toString());
    res.setHeader('x-guploader-uploadid', upload.id);
    res.end();
  }

  async put(req, res, url) {
    const session = this.sessions.get(url.searchParams.get('upload_id') ?? '');
    const body = await readBody(req);
    if (!session) throw new HttpError(404, 'notFound', 'No such upload session.');
    if (session.state === 'final') return this.sendObject(res, session.result);
    if (session.state === 'cancelled') throw new HttpError(499, 'clientClosedRequest', 'The upload session was cancelled.');
    if (session.state === 'failed') throw session.result;
    if (session.busy) throw new HttpError(503, 'backendError', 'Another request on this session is in progress; retry.');
    session.busy = true;
    try {
      const { range, total } = parseContentRange(req.headers['content-range'], body.length);
      if (range) this.append(session, range, body, total !== null && range.end + 1 === total);
      if (total !== null && session.received === total) return await this.finish(session, req, res, total);
      if (total !== null && session.received > total) throw new HttpError(400, 'invalid', 'The total is smaller than the bytes received.');
      res.statusCode = 308;
      if (session.received > 0) res.setHeader('range', `bytes=0-${session.received - 1}`);
      return res.end();
    } finally {
      session.busy = false;
    }
  }

  /** Persists the new part of a chunk: all of a final chunk, whole 256 KiB units of any other. */
  append(session, range, body, isFinal) {
    if (range.start > session.received) return;
    let fresh = body.subarray(session.received - range.start);
    if (!isFinal) fresh = fresh.subarray(0, fresh.length - ((session.received + fresh.length) % UNIT));
    if (fresh.length === 0) return;
    this.uploadService.continueResumableUpload(session.upload.id, fresh);
    session.hashes.update(fresh);
    session.received += fresh.length;
  }

  async finish(session, req, res, total) {
    try {
      if (session.declaredSize !== null && session.declaredSize !== total) {
        throw new HttpError(400, 'invalid', `X-Upload-Content-Length was ${session.declaredSize}, but ${total} bytes were sent.`);
      }
      this.uploadService.finalizeResumableUpload(session.upload.id);
      const headerHashes = parseHashHeader(req.headers['x-goog-hash']);
      const stored = await this.committer.commit(session.upload, {
        preconditions: session.preconditions,
        headerHashes,
        computed: session.hashes.digest(),
      });
      session.crc32cChecked = headerHashes.crc32c !== undefined || session.upload.metadata?.crc32c !== undefined;
      session.state = 'final';
      session.result = stored;
      return this.sendObject(res, stored);
    } catch (err) {
      session.state = 'failed';
      session.result = err;
      this.persistence.deleteFile(session.upload.path, true);
      throw err;
    }
  }

  cancel(res, url) {
    const session = this.sessions.get(url.searchParams.get('upload_id') ?? '');
    if (!session) throw new HttpError(404, 'notFound', 'No such upload session.');
    if (session.state === 'active') {
      session.state = 'cancelled';
      this.persistence.deleteFile(session.upload.path, true);
    }
    res.statusCode = 499;
    res.end();
  }

  /**
   * Not part of Cloud Storage: for the tests, how many upload sessions of one object (?bucket=&name=) are in each
   * state (active, cancelled, final, failed), so that they can check that a failed upload cancelled its session, and
   * how many final ones committed after checking a crc32c the client sent (header or metadata).
   */
  describeSessions(res, url) {
    const counts = { active: 0, cancelled: 0, final: 0, failed: 0, crc32cChecked: 0 };
    for (const session of this.sessions.values()) {
      if (session.bucket !== url.searchParams.get('bucket') || session.name !== url.searchParams.get('name')) continue;
      counts[session.state] += 1;
      if (session.crc32cChecked) counts.crc32cChecked += 1;
    }
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(counts));
    return true;
  }

  sendObject(res, stored) {
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(this.objectJson(stored)));
  }
}

function objectName(url, metadata) {
  let name = url.searchParams.get('name') || metadata.name;
  if (!name) throw new HttpError(400, 'required', 'The object name is required (query "name" or metadata "name").');
  if (name.startsWith('/')) name = name.slice(1);
  return name;
}

module.exports = { UploadEndpoints };
