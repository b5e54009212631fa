// Each imported file's original bytes, kept in the workspace (gzip, by SHA-256): a work package
// must be whole without the USB stick the ledgers came on, and the receiving laptop re-imports
// the very bytes through its own importer. Written once, in the import's transaction.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { promisify } from 'node:util';
import { createGzip, gunzip } from 'node:zlib';
import { hasTable, type Db } from './db';

const gunzipAsync = promisify(gunzip);

/** The file gzipped, streamed (zlib works on libuv's threads while the import parses). */
export async function packFile(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // Level 1: measured on the 1M-line file (98 MB), 0.56 s and 12.7 MB against level 6's 1.4 s and 9.8 MB; the import is the hot path.
  const gz = createGzip({ level: 1 });
  gz.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((ok, fail) => {
    gz.on('end', ok);
    gz.on('error', fail);
  });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    if (!gz.write(chunk as Buffer)) await new Promise((ok) => gz.once('drain', ok));
  }
  gz.end();
  await done;
  return Buffer.concat(chunks);
}

/** Whether this workspace keeps source bytes (version 9 on). */
export function keepsSourceBytes(db: Db): boolean {
  return hasTable(db, 'source_bytes');
}

export function storeSourceBytes(db: Db, sha256: string, size: number, gz: Buffer): void {
  if (!keepsSourceBytes(db)) return;
  db.prepare("INSERT OR IGNORE INTO source_bytes (sha256, size, codec, data) VALUES (?, ?, 'gzip', ?)").run(sha256, size, gz);
}

export function hasSourceBytes(db: Db, sha256: string): boolean {
  return keepsSourceBytes(db) && db.prepare('SELECT 1 FROM source_bytes WHERE sha256 = ?').pluck().get(sha256) !== undefined;
}

/** The stored gzip of a file, as kept (a package carries it as it is). */
export function packedSourceBytes(db: Db, sha256: string): { size: number; gz: Buffer } | null {
  if (!keepsSourceBytes(db)) return null;
  const r = db.prepare<[string], { size: number; data: Buffer }>('SELECT size, data FROM source_bytes WHERE sha256 = ?').get(sha256);
  return r ? { size: r.size, gz: r.data } : null;
}

/** gzip back to the file's bytes, checked against the SHA-256 they must have (null when they do not). */
export async function unpackChecked(gz: Buffer, sha256: string): Promise<Buffer | null> {
  let bytes: Buffer;
  try {
    bytes = await gunzipAsync(gz);
  } catch {
    return null;
  }
  return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
}
