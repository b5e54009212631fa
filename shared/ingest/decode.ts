// Bytes -> text. Decoding happens here, before papaparse (which knows nothing of GB18030),
// with stateful decoders so a character split across two chunks is never corrupted.
import iconv from 'iconv-lite';
import type { Encoding } from '../contract';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];
}

/**
 * UTF-8 when there is a BOM or the sample is valid UTF-8 (a multi-byte character cut off at
 * the sample's end is allowed); otherwise GB18030, the superset of GBK that Windows exports use.
 */
export function detectEncoding(sample: Uint8Array): Encoding {
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

export function createDecoder(encoding: Encoding): StreamDecoder {
  if (encoding === 'utf-8') {
    // fatal: invalid bytes are an error to report, not U+FFFD to import. The BOM is dropped.
    const td = new TextDecoder('utf-8', { fatal: true });
    return {
      write(chunk) {
        try {
          return td.decode(chunk, { stream: true });
        } catch {
          throw new DecodeError(encoding);
        }
      },
      end() {
        try {
          return td.decode();
        } catch {
          throw new DecodeError(encoding);
        }
      },
    };
  }
  const dec = iconv.getDecoder('gb18030');
  return {
    write: (chunk) => dec.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => dec.end() ?? '',
  };
}
