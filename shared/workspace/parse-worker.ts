// The ledger parse worker: decode, parse (papaparse), find the header, map every row and encode
// its texts to ids (LineEncoder) on its own core, handing the importer batches of numbers. The
// importer's thread assembles tuples and vouchers and writes to SQLite: the two halves overlap.
import { parentPort, workerData } from 'node:worker_threads';
import type { RowError } from '../contract';
import { headerScore, MappingError } from '../ingest/header';
import { mapLedgerRow } from '../ingest/ledger-row';
import { readTable } from '../ingest/read-table';
import { FileDecodeError, type RawRow } from '../ingest/table';
import { HeaderFinder } from '../ingest/table-session';
import { LineEncoder } from './ledger-encoder';
import type { ParseJob, ParseMessage } from './parse-protocol';

const port = parentPort;
const post = (m: ParseMessage, transfer: ArrayBuffer[] = []): void => port?.postMessage(m, transfer);

async function run(job: ParseJob): Promise<void> {
  const finder = new HeaderFinder({ kind: 'ledger', file: job.file, map: job.opts.map, township: job.opts.township, village: job.opts.village });
  const encoder = new LineEncoder(job.seed);
  const errors: RowError[] = [];
  let errorCount = 0;
  let rowsImported = 0;
  let rowsSkipped = 0;
  let blankRows = 0;
  let handle: ((row: RawRow) => void) | null = null;
  let stop = false;

  const send = (): void => {
    const batch = encoder.take();
    post({ t: 'batch', batch }, [batch.lines.buffer as ArrayBuffer]);
  };
  const onRow = (row: RawRow): boolean => {
    if (handle) {
      handle(row);
      return true;
    }
    const st = finder.offer(row);
    if (st.state === 'scanning') return true;
    if (st.state === 'needs-mapping') {
      post({ t: 'header', state: st, hasAttachments: false });
      stop = true;
      return false;
    }
    post({ t: 'header', state: st, hasAttachments: st.map.byField.attachments !== undefined });
    const ctxBase = { file: job.file, headers: st.headers };
    const rowOpts = { map: st.map, township: job.opts.township, village: job.opts.village };
    handle = (r: RawRow) => {
      const out = mapLedgerRow(r.cells, { ...ctxBase, line: r.line }, rowOpts);
      if (out.kind === 'record') {
        // After the first error nothing more is encoded: the import will be rolled back.
        if (errorCount === 0) {
          encoder.add(out.record);
          if (encoder.full) send();
        }
        rowsImported++;
      } else if (out.kind === 'subtotal') rowsSkipped++;
      else if (out.kind === 'blank') blankRows++;
      else {
        errorCount += out.errors.length;
        for (const e of out.errors) if (errors.length < job.maxErrors) errors.push(e);
      }
    };
    return true;
  };

  const read = await readTable(job.path, {
    encoding: job.opts.encoding,
    isHeaderRow: (cells) => headerScore('ledger', cells) >= 3,
    onRow,
    onProgress: (p) => post({ t: 'progress', p }),
  });
  if (!handle && !stop) {
    const st = finder.finish();
    if (st.state !== 'scanning') post({ t: 'header', state: st, hasAttachments: false });
  }
  if (errorCount === 0 && handle) send();
  post({ t: 'done', read, rowsImported, rowsSkipped, blankRows, errors, errorCount });
}

run(workerData as ParseJob).catch((e: unknown) => {
  if (e instanceof FileDecodeError) post({ t: 'fail', kind: 'decode', encoding: e.encoding, line: e.line });
  else if (e instanceof MappingError) post({ t: 'fail', kind: 'mapping', messageZh: e.messageZh, messageEn: e.messageEn });
  else post({ t: 'fail', kind: 'other', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
});
