// A big CSV ledger read on two cores: a first worker reads from the top and finds the header;
// meanwhile the importer finds a line start near the middle where a voucher begins (outside any
// quoted field, not a continuation line), tells the first worker to stop there and starts a second
// worker from there with the header, dialect and encoding the first found. Both send batches in
// their own numbers (each worker numbers its new texts in a range of its own); the importer gives
// them the workspace's (batch-merge.ts) and writes each part's lines under ids of their own range,
// the second's starting past every line the first part could hold. One voucher index serves both,
// so a voucher whose lines straddle the middle is one voucher.
import { closeSync, openSync, readSync } from 'node:fs';
import Papa from 'papaparse';
import type { Encoding } from '../contract';
import { createDecoder } from '../ingest/decode';
import type { CsvDialect, ReadProgress } from '../ingest/table';
import type { MappedHeader } from '../ingest/table-rows';
import { partTextBase } from './batch-merge';
import type { TextSeed, WorkerBatch } from './ledger-encoder';
import { parseInWorker, type ParseHandlers } from './parse-client';
import type { EndMessage, ParseJob, ParseMessage } from './parse-protocol';

/** Files from this size are read on two cores (below it a second worker's start costs more than it saves). */
export const SPLIT_BYTES = 24 * 1024 * 1024;

/** SPLIT_BYTES, or VA_SPLIT_BYTES where a test sets it (to split small files). */
export function splitBytes(): number {
  const v = Number(process.env.VA_SPLIT_BYTES);
  return Number.isFinite(v) && v > 0 ? v : SPLIT_BYTES;
}

type Done = Extract<ParseMessage, { t: 'done' }>;
type Header = Extract<ParseMessage, { t: 'header' }>;

export interface SplitHandlers {
  onHeader: (h: Header) => void;
  /** A batch of part 0 or 1, in its worker's numbers (batch-merge.ts gives them the workspace's). */
  onBatch: (part: 0 | 1, b: WorkerBatch) => void;
  onProgress: (p: ReadProgress) => void;
  /** Where the second part starts, once found (its lines take ids from firstLine on). */
  onSplit: (s: { at: number; firstLine: number }) => void;
}

/** `"` and the line end, as bytes: in UTF-8 and GB18030 neither is ever part of another character. */
const QUOTE = 0x22;

/**
 * A line start near the middle of the file where the second part may begin: an even number of
 * quotes before it (not inside a quoted field), and a line that starts a voucher (its date and
 * voucher number filled in, so no continuation line needs the line above). Null when none is
 * found close to the middle.
 */
export function findSplit(path: string, size: number, header: MappedHeader, dialect: CsvDialect, encoding: Encoding): { at: number; firstLine: number } | null {
  const nl = dialect.newline === '\r' ? 0x0d : 0x0a;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let quotes = 0;
    let lines = 0;
    const mid = Math.floor(size / 2);
    // Quotes and line ends before the middle.
    for (let pos = 0; pos < mid;) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, mid - pos), pos);
      if (n <= 0) break;
      const chunk = buf.subarray(0, n);
      for (let i = chunk.indexOf(QUOTE); i !== -1; i = chunk.indexOf(QUOTE, i + 1)) quotes++;
      for (let i = chunk.indexOf(nl); i !== -1; i = chunk.indexOf(nl, i + 1)) lines++;
      pos += n;
    }
    // From the middle on: the first line start outside quotes where a voucher begins.
    const date = header.map.byField.date;
    const voucher = header.map.byField.voucher;
    let pos = mid;
    for (let tries = 0; tries < 2000 && pos < size;) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, size - pos), pos);
      if (n <= 0) break;
      for (let i = 0; i < n; i++) {
        const b = buf[i];
        if (b === QUOTE) quotes++;
        else if (b === nl) {
          lines++;
          if (quotes % 2 !== 0) continue;
          const at = pos + i + 1;
          if (at >= size) return null;
          if (tries++ >= 2000) return null;
          if (startsVoucher(fd, at, size, dialect, encoding, [date, voucher])) return { at, firstLine: lines + 1 };
        }
      }
      pos += n;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The line at `at` has something in each of these columns (its date and voucher number). */
function startsVoucher(fd: number, at: number, size: number, dialect: CsvDialect, encoding: Encoding, columns: (number | undefined)[]): boolean {
  const bytes = Buffer.allocUnsafe(Math.min(64 * 1024, size - at));
  const n = readSync(fd, bytes, 0, bytes.length, at);
  const end = bytes.subarray(0, n).indexOf(dialect.newline === '\r' ? 0x0d : 0x0a);
  if (end < 0) return false;
  let text: string;
  try {
    text = createDecoder(encoding).write(bytes.subarray(0, end));
  } catch {
    return false;
  }
  const cells = (Papa.parse<string[]>(text.replace(/\r$/, ''), { delimiter: dialect.delimiter }).data[0] ?? []) as string[];
  return columns.every((c) => c === undefined || (cells[c] ?? '').trim() !== '');
}

/**
 * Parses the file in two workers (or in one, when no split point is found near the middle).
 * Resolves with both parts' `done` (the second null when the file was read whole by the first).
 */
export function parseInTwoWorkers(job: ParseJob, size: number, h: SplitHandlers, signal?: AbortSignal, ready?: Promise<unknown>): Promise<[Done, Done | null]> {
  const seed = (part: 0 | 1): TextSeed => ({ texts: job.seed.texts, nextText: partTextBase(job.seed.nextText, part) });
  // Progress of both parts, added up.
  const read = [0, 0];
  let start = 0;
  const progress = (part: 0 | 1, p: ReadProgress): void => {
    read[part] = part === 0 ? p.bytesRead : p.bytesRead - start;
    h.onProgress({ bytesRead: (read[0] as number) + (read[1] as number), totalBytes: size, lines: p.lines });
  };
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  signal?.addEventListener('abort', onAbort);
  let second: Promise<Done | null> = Promise.resolve(null);
  let firstWorker: { postMessage: (m: EndMessage) => void } | null = null;
  const handlers = (part: 0 | 1, extra: Partial<ParseHandlers> = {}): ParseHandlers => ({
    onHeader: () => undefined,
    onBatch: (b) => h.onBatch(part, b),
    onProgress: (p) => progress(part, p),
    ...extra,
  });
  const first = parseInWorker({ ...job, seed: seed(0), firstOfTwo: true }, handlers(0, {
    onWorker: (w) => { firstWorker = w; },
    onHeader: (hd) => {
      h.onHeader(hd);
      if (hd.state.state !== 'mapped' || !hd.dialect || !hd.encoding || hd.encoding.startsWith('utf-16')) return;
      const split = findSplit(job.path, size, hd.state, hd.dialect, hd.encoding);
      if (!split) return;
      start = split.at;
      firstWorker?.postMessage({ t: 'end', at: split.at });
      h.onSplit(split);
      const part: ParseJob['part'] = { start: split.at, firstLine: split.firstLine, header: hd.state, dialect: hd.dialect, encoding: hd.encoding };
      second = parseInWorker({ ...job, seed: seed(1), part }, handlers(1), stop.signal, ready);
      second.catch(() => stop.abort());
    },
  }), stop.signal, ready);
  first.catch(() => stop.abort());
  return (async (): Promise<[Done, Done | null]> => {
    try {
      const a = await first;
      return [a, await second];
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  })();
}
