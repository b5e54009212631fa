// Streams a CSV file: bytes -> stateful decoder -> papaparse's Parser, chunk by chunk, keeping
// each row's physical line number (quoted fields may hold newlines).
import { createReadStream, statSync } from 'node:fs';
import Papa from 'papaparse';
import type { Encoding } from '../contract';
import { createDecoder, DecodeError, detectEncoding } from './decode';
import { CancelledError, FileDecodeError, type CsvDialect, type ReadOptions, type ReadResult } from './table';

/** Enough of the file to tell its encoding (a first megabyte of ASCII says little about the rest, but usually the header says it). */
const DETECT_BYTES = 1 << 20;

const CHUNK_BYTES = 1 << 20;

function countChar(s: string, ch: string, end = s.length): number {
  let n = 0;
  let i = s.indexOf(ch);
  while (i !== -1 && i < end) {
    n++;
    i = s.indexOf(ch, i + 1);
  }
  return n;
}

function guessNewline(text: string): '\n' | '\r\n' | '\r' {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r === -1) return '\n';
  if (n === r + 1) return '\r\n';
  if (n === -1 || r < n) return '\r';
  return '\n';
}

/** Comma unless the header-ish first lines clearly use tabs or semicolons (some exports do). */
function guessDelimiter(text: string): string {
  const head = text.slice(0, 8192);
  const counts = [',', '\t', ';'].map((d) => [d, countChar(head, d)] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ',';
}

export async function readCsv(path: string, opts: ReadOptions): Promise<ReadResult> {
  const size = statSync(path).size;
  const part = opts.part;
  let encoding: Encoding | null = part?.encoding ?? (opts.encoding && opts.encoding !== 'auto' ? opts.encoding : null);
  let decoder: ReturnType<typeof createDecoder> | null = null;
  let parser: Papa.Parser | null = null;
  let newline: '\n' | '\r\n' | '\r' = '\n';
  let nlChar = '\n';
  let partial = '';
  let base = 0;
  let line = part?.firstLine ?? 1;
  let bytesRead = part?.start ?? 0;
  let stopped = false;

  const emitRows = (rows: string[][], consumed: string, last: boolean): void => {
    // Fast path: as many newlines as row ends means no row spans lines (the file's last row
    // may have no newline after it).
    const ends = rows.length - (last && !consumed.endsWith(nlChar) ? 1 : 0);
    const simple = countChar(consumed, nlChar) === ends;
    for (const cells of rows) {
      const start = line;
      if (simple) line += 1;
      else {
        let extra = 0;
        for (const c of cells) if (c.length > 0) extra += countChar(c, nlChar);
        line += 1 + extra;
      }
      const answer = opts.onRow({ line: start, cells });
      if (answer === false || answer === 'skip-table') {
        stopped = true;
        return;
      }
    }
  };

  const feed = (text: string, last: boolean): void => {
    if (!parser) {
      if (text.length === 0 && !last) return;
      const dialect: CsvDialect = part?.dialect ?? { delimiter: guessDelimiter(text), newline: guessNewline(text) };
      newline = dialect.newline;
      nlChar = newline === '\r' ? '\r' : '\n';
      parser = new Papa.Parser({ delimiter: dialect.delimiter, newline, quoteChar: '"' });
      opts.onDialect?.(dialect, encoding ?? 'utf-8');
    }
    const aggregate = partial + text;
    const res = parser.parse(aggregate, base, !last);
    const consumedLen = res.meta.cursor - base;
    const consumed = last ? aggregate : aggregate.slice(0, consumedLen);
    partial = last ? '' : aggregate.slice(consumedLen);
    base = res.meta.cursor;
    emitRows(res.data as string[][], consumed, last);
  };

  const decodeErrorAt = (text: string, idx: number): FileDecodeError =>
    new FileDecodeError(encoding ?? 'utf-8', line + countChar(partial + text, nlChar, partial.length + Math.max(idx, 0)));

  opts.onTable?.({ sheet: null });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES, start: part?.start ?? 0 })) {
      let buf = chunk as Buffer;
      if (opts.signal?.aborted) throw new CancelledError();
      // A part that ends where the next begins: only the bytes before that line start are read.
      const end = part?.end?.() ?? null;
      const cut = end !== null && bytesRead + buf.length > end;
      if (cut) buf = buf.subarray(0, Math.max(0, end - bytesRead));
      bytesRead += buf.length;
      if (!encoding) encoding = detectEncoding(buf.subarray(0, DETECT_BYTES));
      decoder ??= createDecoder(encoding);
      let text: string;
      try {
        text = decoder.write(buf);
      } catch (e) {
        if (e instanceof DecodeError) throw decodeErrorAt('', 0);
        throw e;
      }
      feed(text, false);
      opts.onProgress?.({ bytesRead, totalBytes: size, lines: line - 1 });
      if (stopped || cut) break;
    }
    if (!stopped) {
      let tail = '';
      if (decoder) {
        try {
          tail = decoder.end();
        } catch (e) {
          if (e instanceof DecodeError) throw decodeErrorAt('', 0);
          throw e;
        }
      }
      feed(tail, true);
      opts.onProgress?.({ bytesRead, totalBytes: size, lines: line - 1 });
    }
  } catch (e) {
    if (e instanceof DecodeError) throw new FileDecodeError(e.encoding, line);
    throw e;
  }
  return {
    format: 'csv',
    encoding: encoding ?? 'utf-8',
    sheets: [],
    size,
    lines: line - 1,
    complete: !stopped,
  };
}
