// Township names become file and folder names, safe on Windows and Linux and one-to-one: a name is
// kept when it is safe as it is; otherwise characters that cannot be in a file name become `_`,
// a Windows device name (CON, NUL, COM1 …, with or without an extension) and trailing dots or
// spaces are defused, it is cut to a length every file system takes (120 UTF-8 bytes, well under
// 255, leaving room for the extension and what a folder adds), and a short hash of the original
// name is added, so two townships (`a/b` and `a:b`, or one named `a_b`) never write one file.
import { createHash } from 'node:crypto';

const MAX_BYTES = 120;
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** At most `max` bytes of UTF-8, cut between characters. */
function cutBytes(s: string, max: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (n + b > max) break;
    out += ch;
    n += b;
  }
  return out;
}

export function safeFileName(name: string): string {
  let s = name.replace(UNSAFE, '_').replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (DEVICE.test(s)) s = `_${s}`;
  const kept = s !== '' && s === name && Buffer.byteLength(s, 'utf8') <= MAX_BYTES && !/~[0-9a-f]{8}$/.test(s);
  if (kept) return s;
  const tag = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
  return `${cutBytes(s, MAX_BYTES - 9) || '_'}~${tag}`;
}

/** Names for several townships written to one folder: distinct even where the file system ignores case (Windows). */
export function safeFileNames(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const n of names) {
    let f = safeFileName(n);
    if (taken.has(f.toLowerCase())) f = `${cutBytes(f, MAX_BYTES - 9)}~${createHash('sha256').update(`case:${n}`, 'utf8').digest('hex').slice(0, 8)}`;
    taken.add(f.toLowerCase());
    out.set(n, f);
  }
  return out;
}
