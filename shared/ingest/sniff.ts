// What a file is, from its first bytes, before anything reads or hashes it: delimited text, an
// .xlsx (a zip), an .xls (an OLE2 container: BIFF8, or an encrypted workbook), an HTML table
// under a .xls name. The extension only says what the user expects; the bytes decide.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { FileFormat } from '../contract';
import { FileRejectedError } from './table';

const TEXT_EXT = new Set(['.csv', '.txt', '.tsv', '.prn']);
const BOOK_EXT = new Set(['.xlsx', '.xlsm', '.xls', '.et', '.htm', '.html']);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, sig: number[]): boolean => sig.every((x, i) => b[i] === x);

/** The first bytes of a file, refusing what is not a regular file (a device such as /dev/zero would never end). */
export function headBytes(path: string, file: string, n = 8192): { head: Buffer; size: number } {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw FileRejectedError.of('import.not-found', { file: path });
  }
  if (!st.isFile()) throw FileRejectedError.of('import.not-regular', { file });
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(n, st.size));
    readSync(fd, head, 0, head.length, 0);
    return { head, size: st.size };
  } finally {
    closeSync(fd);
  }
}

/** An OLE2 container holding an encrypted OOXML package (a workbook saved with a password). */
function isEncryptedPackage(head: Buffer, path: string): boolean {
  const name = (s: string): Buffer => Buffer.from(s, 'utf16le');
  // The directory is usually in the first sectors; read a little more to look for the stream names.
  const { head: more } = headBytes(path, '', 1 << 20);
  return more.includes(name('EncryptionInfo')) || more.includes(name('EncryptedPackage')) || head.includes(name('EncryptedPackage'));
}

function looksLikeHtml(head: Buffer): boolean {
  const s = head.subarray(0, 4096).toString('latin1').replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (!s.startsWith('<')) return false;
  return /<(html|table|!doctype html)/.test(s) || (s.startsWith('<?xml') && s.includes('urn:schemas-microsoft-com:office:spreadsheet'));
}

/** Text has no NUL bytes, unless it is UTF-16 (then every other byte is NUL, or it has a BOM). */
function looksLikeText(head: Buffer): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return true;
  const n = Math.min(head.length, 4096);
  let nul = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) nul++;
  return nul === 0 || nul > n * 0.2;
}

/** The format to read the file as, or a FileRejectedError saying why it cannot be read. */
export function sniffFormat(path: string, file: string): FileFormat {
  const ext = extname(path).toLowerCase();
  // Not a regular file (a device such as /dev/zero, a folder) is said first, whatever its name.
  const { head, size } = headBytes(path, file);
  if (!TEXT_EXT.has(ext) && !BOOK_EXT.has(ext)) throw FileRejectedError.of('import.unsupported', { file });
  if (size === 0) return TEXT_EXT.has(ext) ? 'csv' : (() => { throw FileRejectedError.of('import.corrupt-xlsx', { file }); })();
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE2)) {
    if (isEncryptedPackage(head, path)) throw FileRejectedError.of('import.encrypted', { file });
    return 'xls';
  }
  if (looksLikeHtml(head)) return 'html';
  // A workbook name on something that is none of the above: text saved under a .xls name is common
  // (platforms export tab-separated text as .xls); anything else is damaged.
  if (looksLikeText(head)) {
    if (ext === '.xlsx' || ext === '.xlsm') throw FileRejectedError.of('import.corrupt-xlsx', { file });
    return 'csv';
  }
  throw FileRejectedError.of(ext === '.xls' || ext === '.et' ? 'import.corrupt-xls' : 'import.corrupt-xlsx', { file });
}
