// Evidence files of an encrypted workspace, encrypted too (node:crypto, AES-256-GCM).
//
// Keys: a random 256-bit data key encrypts the files; it is stored in the (encrypted) workspace
// wrapped by a key derived from the password (scrypt, N = 2^15, r = 8, p = 1, a random 16-byte
// salt), so reading a file needs the password twice over. Changing the password re-wraps the data
// key (the files stay as they are): the new wrap is stored as `pending` before SQLite rekeys, and
// made the current one after, so a process killed in between still opens with either password's
// wrap that matches the key the file opened with.
//
// A file on disk: 'VAE1' | iv (12 bytes) | tag (16 bytes) | ciphertext, named by
// HMAC-SHA256(data key, the plaintext's SHA-256), so the folder does not show which known file is in it.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync } from 'node:crypto';
import { EngineError } from '../i18n/errors';
import type { Db } from './db';

const MAGIC = Buffer.from('VAE1', 'latin1');
const KEY_SETTING = 'evidence.key';
const PENDING_SETTING = 'evidence.key.pending';

interface Wrapped { salt: string; iv: string; tag: string; key: string }

/** scrypt's cost: N = 2^15, r = 8, p = 1 (about 0.1 s and 32 MB a try). */
export const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;

/** A 256-bit key from a password and a salt (scrypt). */
export function kek(password: string, salt: Buffer): Buffer {
  return scryptSync(password, salt, 32, { ...SCRYPT, maxmem: 64 * 1024 * 1024 });
}

/** AES-256-GCM with a fresh 12-byte iv (or the one given, never used twice with a key); `aad` is authenticated, not encrypted. */
export function seal(key: Buffer, plain: Buffer, aad?: Buffer, iv: Buffer = randomBytes(12)): { iv: Buffer; tag: Buffer; data: Buffer } {
  const c = createCipheriv('aes-256-gcm', key, iv);
  if (aad) c.setAAD(aad);
  const data = Buffer.concat([c.update(plain), c.final()]);
  return { iv, tag: c.getAuthTag(), data };
}

/** The plaintext, or null when the key is wrong or anything (data, tag, iv, aad) was changed. */
export function open(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer, aad?: Buffer): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, iv);
    d.setAuthTag(tag);
    if (aad) d.setAAD(aad);
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    return null;
  }
}

function wrap(dataKey: Buffer, password: string): Wrapped {
  const salt = randomBytes(16);
  const s = seal(kek(password, salt), dataKey);
  return { salt: salt.toString('base64'), iv: s.iv.toString('base64'), tag: s.tag.toString('base64'), key: s.data.toString('base64') };
}

function unwrap(w: Wrapped, password: string): Buffer | null {
  return open(kek(password, Buffer.from(w.salt, 'base64')), Buffer.from(w.iv, 'base64'), Buffer.from(w.tag, 'base64'), Buffer.from(w.key, 'base64'));
}

const setting = (db: Db, key: string): Wrapped | null => {
  const v = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(key);
  return v === undefined ? null : (JSON.parse(v) as Wrapped);
};
const put = (db: Db, key: string, w: Wrapped): void => {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(w));
};

/** The data key of an encrypted workspace opened with `password` (made on first use). */
export function evidenceKey(db: Db, password: string): Buffer {
  const current = setting(db, KEY_SETTING);
  const pending = setting(db, PENDING_SETTING);
  if (!current) {
    const k = randomBytes(32);
    put(db, KEY_SETTING, wrap(k, password));
    return k;
  }
  const k = unwrap(current, password);
  if (k) {
    if (pending) db.prepare('DELETE FROM settings WHERE key = ?').run(PENDING_SETTING);
    return k;
  }
  // A password change stopped after SQLite rekeyed: the pending wrap is the one for this password.
  const p = pending ? unwrap(pending, password) : null;
  if (!p) throw new EngineError('engine-error', 'ws.err.evidence-key');
  put(db, KEY_SETTING, pending as Wrapped);
  db.prepare('DELETE FROM settings WHERE key = ?').run(PENDING_SETTING);
  return p;
}

/** Before a rekey: the data key wrapped for the new password, kept as pending. */
export function prepareRewrap(db: Db, dataKey: Buffer, next: string): void {
  put(db, PENDING_SETTING, wrap(dataKey, next));
}

/** After the rekey: the pending wrap becomes the current one. */
export function finishRewrap(db: Db): void {
  const p = setting(db, PENDING_SETTING);
  if (!p) return;
  put(db, KEY_SETTING, p);
  db.prepare('DELETE FROM settings WHERE key = ?').run(PENDING_SETTING);
}

/** The stored name of an evidence file. */
export function evidenceName(dataKey: Buffer, sha256: string): string {
  return createHmac('sha256', dataKey).update(sha256).digest('hex');
}

export function encryptEvidence(dataKey: Buffer, plain: Buffer): Buffer {
  const s = seal(dataKey, plain);
  return Buffer.concat([MAGIC, s.iv, s.tag, s.data]);
}

/** The plaintext, or null when the file is not ours or was changed (GCM's tag fails). */
export function decryptEvidence(dataKey: Buffer, stored: Buffer): Buffer | null {
  if (stored.length < 32 || !stored.subarray(0, 4).equals(MAGIC)) return null;
  return open(dataKey, stored.subarray(4, 16), stored.subarray(16, 32), stored.subarray(32));
}
