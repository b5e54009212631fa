// The work package's container: one file, encrypted with a password (node:crypto, AES-256-GCM,
// the key from scrypt as for the evidence files), its header authenticated with the content.
//
// On disk: 'VAWP' | header length (u32 LE) | header (JSON) | ciphertext | tag (16 bytes).
// The header says how the key is made (scrypt N, r, p, a random salt), the iv, a key check
// (HMAC-SHA256(key, 'va-package-check'), 16 bytes: a wrong password is told apart from a changed
// file) and the SHA-256 of the plaintext (the package's content hash). Everything before the
// ciphertext is GCM's additional data, so no byte of the file can change unnoticed; the plaintext
// is hashed again after decryption and must match.
//
// The plaintext: 'VAPB' | manifest length (u32 LE) | manifest (JSON) | blobs, one after another
// (each named in the manifest by offset, length and SHA-256).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EngineError } from '../i18n/errors';
import { kek, open, seal, SCRYPT } from './evidence-crypto';

const MAGIC = Buffer.from('VAWP', 'latin1');
const BODY_MAGIC = Buffer.from('VAPB', 'latin1');
const TAG_BYTES = 16;
/** A header longer than this is no header of ours. */
const MAX_HEADER = 64 * 1024;

interface Header { v: 1; kdf: 'scrypt'; N: number; r: number; p: number; salt: string; iv: string; check: string; contentSha256: string }

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const keyCheck = (key: Buffer): Buffer => createHmac('sha256', key).update('va-package-check').digest().subarray(0, 16);

/** The package file's bytes for this plaintext and password. */
export function sealPackage(plain: Buffer, password: string): { file: Buffer; contentSha256: string } {
  const salt = randomBytes(16);
  const key = kek(password, salt);
  const contentSha256 = sha256(plain);
  // The header names the iv and is the additional data: the iv is chosen first (the key is new for every package, from a fresh salt).
  const iv = randomBytes(12);
  const header: Header = { v: 1, kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64'), check: keyCheck(key).toString('base64'), contentSha256 };
  const head = headBytes(header);
  const s = seal(key, plain, head, iv);
  return { file: Buffer.concat([head, s.data, s.tag]), contentSha256 };
}

function headBytes(h: Header): Buffer {
  const json = Buffer.from(JSON.stringify(h), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  return Buffer.concat([MAGIC, len, json]);
}

/** Whether a file starts like a package (for a clear refusal of anything else). */
export function looksLikePackage(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.subarray(0, 4).equals(MAGIC);
}

/** The plaintext of a package file, or a refusal: not a package, wrong password, or changed (tampered or damaged). */
export function openPackage(file: Buffer, password: string, name: string): Buffer {
  if (!looksLikePackage(file)) throw new EngineError('invalid-arguments', 'package.err.not-a-package', { name });
  const len = file.readUInt32LE(4);
  if (len > MAX_HEADER || 8 + len + TAG_BYTES > file.length) throw new EngineError('invalid-arguments', 'package.err.tampered', { name });
  const head = file.subarray(0, 8 + len);
  let h: Header;
  try {
    h = JSON.parse(head.subarray(8).toString('utf8')) as Header;
  } catch {
    throw new EngineError('invalid-arguments', 'package.err.tampered', { name });
  }
  if (h.v !== 1 || h.kdf !== 'scrypt' || h.N !== SCRYPT.N || h.r !== SCRYPT.r || h.p !== SCRYPT.p || typeof h.salt !== 'string' || typeof h.iv !== 'string') {
    throw new EngineError('invalid-arguments', 'package.err.tampered', { name });
  }
  const key = kek(password, Buffer.from(h.salt, 'base64'));
  const check = Buffer.from(String(h.check), 'base64');
  if (check.length !== 16 || !timingSafeEqual(check, keyCheck(key))) throw new EngineError('invalid-arguments', 'package.err.wrong-password', { name });
  const data = file.subarray(8 + len, file.length - TAG_BYTES);
  const tag = file.subarray(file.length - TAG_BYTES);
  const plain = open(key, Buffer.from(h.iv, 'base64'), tag, data, head);
  if (!plain || sha256(plain) !== h.contentSha256) throw new EngineError('invalid-arguments', 'package.err.tampered', { name });
  return plain;
}

/** A blob of the body as the manifest names it. */
export interface BlobRef { offset: number; length: number; sha256: string }

/** The plaintext: the manifest, then the blobs; returns where each blob lies. */
export function packBody(manifest: (blobs: BlobRef[]) => unknown, blobs: Buffer[]): Buffer {
  let offset = 0;
  const refs = blobs.map((b) => {
    const r = { offset, length: b.length, sha256: sha256(b) };
    offset += b.length;
    return r;
  });
  const json = Buffer.from(JSON.stringify(manifest(refs)), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  return Buffer.concat([BODY_MAGIC, len, json, ...blobs]);
}

/** The manifest (unchecked JSON) and a reader of blobs that checks each one's SHA-256. */
export function unpackBody(plain: Buffer, name: string): { manifest: unknown; blob: (r: BlobRef) => Buffer } {
  const bad = (): never => {
    throw new EngineError('invalid-arguments', 'package.err.tampered', { name });
  };
  if (plain.length < 8 || !plain.subarray(0, 4).equals(BODY_MAGIC)) bad();
  const len = plain.readUInt32LE(4);
  if (8 + len > plain.length) bad();
  let manifest: unknown;
  try {
    manifest = JSON.parse(plain.subarray(8, 8 + len).toString('utf8'));
  } catch {
    bad();
  }
  const base = 8 + len;
  return {
    manifest,
    blob: (r) => {
      if (!Number.isInteger(r.offset) || !Number.isInteger(r.length) || r.offset < 0 || r.length < 0 || base + r.offset + r.length > plain.length) bad();
      const b = plain.subarray(base + r.offset, base + r.offset + r.length);
      if (sha256(b) !== r.sha256) bad();
      return b;
    },
  };
}
