// Bytes -> text. Decoding happens here, before papaparse (which knows nothing of GB18030),
// with stateful decoders so a character split across two chunks is never corrupted.
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { Encoding } from '../contract';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];
}

/** Excel's "Unicode 文本" is UTF-16 with a BOM; without one, text whose every other byte is NUL is UTF-16 too. */
function utf16Of(sample: Uint8Array): Encoding | null {
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * UTF-16 when there is its BOM (or its NUL pattern); UTF-8 when there is a BOM or the sample is
 * valid UTF-8 (a multi-byte character cut off at the sample's end is allowed); otherwise GB18030,
 * the superset of GBK that Windows exports use.
 */
export function detectEncoding(sample: Uint8Array): Encoding {
  const u16 = utf16Of(sample);
  if (u16) return u16;
  if (hasUtf8Bom(sample)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export class DecodeError extends Error {
  constructor(readonly encoding: Encoding) {
    super(`cannot decode as ${encoding}`);
  }
}

export interface StreamDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

const NATIVE_GB18030 = ((): boolean => {
  try {
    return new TextDecoder('gb18030').encoding === 'gb18030';
  } catch {
    return false;
  }
})();

/** The text of the longest prefix of `bytes` that decodes (a character cut off at its end is left out). */
function validPrefix(encoding: Encoding, bytes: Uint8Array): string {
  const decode = (n: number): string => new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      decode(mid);
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return decode(lo);
}

/**
 * Both encodings through the platform's TextDecoder: stateful across chunks (iconv-lite's GB18030
 * decoder drops a character when a chunk starts with the last byte of a 4-byte sequence), and
 * fatal, so invalid bytes are an error to report, not U+FFFD to import. The UTF-8 BOM is dropped.
 *
 * On invalid bytes, write() first returns the text before them and throws on the next call, so the
 * reader has parsed up to the bad byte and can name its line. To find that text, decoding restarts
 * after the last CR or LF (never part of a multi-byte character in either encoding).
 */
export function createDecoder(encoding: Encoding): StreamDecoder {
  if (encoding === 'utf-8') return utf8Decoder();
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    // No byte of UTF-16 marks a line end on its own, so no restart: bad input (a lone surrogate) fails at once.
    const td16 = new TextDecoder(encoding, { fatal: true });
    const fail = (): never => { throw new DecodeError(encoding); };
    return {
      write: (chunk) => { try { return td16.decode(chunk, { stream: true }); } catch { return fail(); } },
      end: () => { try { return td16.decode(); } catch { return fail(); } },
    };
  }
  if (encoding === 'gb18030' && !NATIVE_GB18030) {
    // A Node without full ICU: iconv-lite, whose bad bytes come out as U+FFFD (the reader reports those).
    const dec = iconv.getDecoder('gb18030');
    return { write: (chunk) => dec.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)), end: () => dec.end() ?? '' };
  }
  const td = new TextDecoder(encoding, { fatal: true });
  let lineBytes: Uint8Array[] = [];
  let lineChars = 0;
  let failed = false;
  return {
    write(chunk) {
      if (failed) throw new DecodeError(encoding);
      let text: string;
      try {
        text = td.decode(chunk, { stream: true });
      } catch {
        failed = true;
        return validPrefix(encoding, Buffer.concat([...lineBytes, chunk])).slice(lineChars);
      }
      const nl = Math.max(chunk.lastIndexOf(0x0a), chunk.lastIndexOf(0x0d));
      if (nl === -1) {
        lineBytes.push(Uint8Array.prototype.slice.call(chunk));
        lineChars += text.length;
      } else {
        lineBytes = [Uint8Array.prototype.slice.call(chunk, nl + 1)];
        lineChars = text.length - Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) - 1;
      }
      return text;
    },
    end() {
      if (failed) throw new DecodeError(encoding);
      try {
        return td.decode();
      } catch {
        failed = true;
        throw new DecodeError(encoding);
      }
    },
  };
}

/** How much of `buf` ends on a whole character: a multi-byte character cut off at the end waits for the next chunk. */
function wholeLength(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back] as number;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
  }
  return n;
}

/**
 * UTF-8, the usual case of a big export, the fast way: each chunk validated by Node's simdutf
 * (buffer.isUtf8) and decoded by Buffer#toString, some ten times faster than a fatal streaming
 * TextDecoder on a million lines. A character split between chunks waits for the next; on invalid
 * bytes, the text before them comes first and the next call throws, as with createDecoder's others.
 */
function utf8Decoder(): StreamDecoder {
  let carry: Buffer | null = null;
  let failed = false;
  let first = true;
  return {
    write(chunk) {
      if (failed) throw new DecodeError('utf-8');
      let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (carry) buf = Buffer.concat([carry, buf]);
      if (first) {
        // The BOM may itself be split between the first chunks.
        if (buf.length < 3 && UTF8_BOM.slice(0, buf.length).every((b, i) => buf[i] === b)) {
          carry = Buffer.from(buf);
          return '';
        }
        if (hasUtf8Bom(buf)) buf = buf.subarray(3);
        first = false;
      }
      const cut = wholeLength(buf);
      const body = buf.subarray(0, cut);
      carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
      if (isUtf8(body)) return body.toString('utf8');
      failed = true;
      return validPrefix('utf-8', body);
    },
    end() {
      if (failed || (carry && carry.length > 0)) throw new DecodeError('utf-8');
      return '';
    },
  };
}

/** Reads the whole file through a decoder; true when every byte decodes. */
async function decodesWhole(path: string, encoding: Encoding): Promise<boolean> {
  const dec = createDecoder(encoding);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) dec.write(chunk as Buffer);
    dec.end();
    return true;
  } catch (e) {
    if (e instanceof DecodeError) return false;
    throw e;
  }
}

/**
 * An encoding that would read the file, for the advice after a decode failure: UTF-8 first (its
 * rules are strict, so a file that passes is UTF-8), then GB18030 (which reads most bytes: offered
 * only after UTF-8 failed), then UTF-16 by its BOM.
 */
export async function suggestEncoding(path: string, failed: Encoding): Promise<Encoding | null> {
  for (const e of ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as Encoding[]) {
    if (e === failed) continue;
    if ((e === 'utf-16le' || e === 'utf-16be') && failed !== 'utf-8' && failed !== 'gb18030') continue;
    if (e === 'utf-16le' || e === 'utf-16be') {
      const fd = openSync(path, 'r');
      const head = Buffer.alloc(4096);
      const n = readSync(fd, head, 0, head.length, 0);
      closeSync(fd);
      if (utf16Of(head.subarray(0, n)) !== e) continue;
    }
    if (await decodesWhole(path, e)) return e;
  }
  return null;
}
