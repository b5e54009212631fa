// The ledger parse worker: decode, parse (papaparse), find the header, map every row, encode its
// texts to ids and assemble tuples and vouchers (LineEncoder, LineAssembler) on its own core,
// handing the importer batches of columns. The importer's thread gives the new texts, tuples and
// vouchers the workspace's numbers (batch-merge.ts) and writes to SQLite: the two halves overlap.
import { parentPort, workerData } from 'node:worker_threads';
import { MappingError } from '../ingest/table';
// CSV only (the importer sends nothing else here): reading it directly keeps exceljs, the
// workbook reader's 3 MB, out of the worker's start-up.
import { readCsv } from '../ingest/csv-reader';
import { FileDecodeError, FileRejectedError } from '../ingest/table';
import { TableRows } from '../ingest/table-rows';
import { LineAssembler, LineEncoder, type WorkerBatch } from './ledger-encoder';
import type { Encoding } from '../contract';
import type { CsvDialect } from '../ingest/table';
import type { EndMessage, ParseJob, ParseMessage } from './parse-protocol';

const port = parentPort;
const post = (m: ParseMessage, transfer: ArrayBuffer[] = []): void => port?.postMessage(m, transfer);

// The first of two parts learns where to stop once the importer has found the second's start.
let end: number | null = null;
const onEnd = (m: EndMessage): void => { if (m.t === 'end') end = m.at; };

async function run(job: ParseJob): Promise<void> {
  const encoder = new LineEncoder(job.seed);
  // Tuples and vouchers numbered here from 0; the importer maps the new ones (batch-merge.ts).
  const assembler = new LineAssembler({ attrs: [], nextAttrs: 0 });
  if (job.firstOfTwo) port?.on('message', onEnd);
  let dialect: CsvDialect | null = null;
  let encoding: Encoding | null = null;
  const send = (): void => {
    const encoded = encoder.take();
    const { attrs, lines } = assembler.assemble(encoded);
    const { first, v } = assembler.takeNewVouchers();
    const batch: WorkerBatch = { texts: encoded.texts, tuples: attrs, vouchers: v, firstVoucher: first, lines };
    const buffers = [lines.voucher, lines.lineNo, lines.date, lines.attrs, lines.attachments, lines.debit, lines.credit, v.township, v.village, v.entity, v.year, v.voucher, v.date];
    post({ t: 'batch', batch }, buffers.map((a) => a.buffer as ArrayBuffer));
  };
  const rows = new TableRows({
    kind: 'ledger', file: job.file, map: job.opts.map, township: job.opts.township, village: job.opts.village, maxErrors: job.maxErrors, checkWidth: true, reuseRecords: true,
    header: job.part?.header,
    // The rows read past the header are handled here; the importer needs only what the header says.
    onHeader: (state) => post({
      t: 'header', state: { ...state, pending: [] }, hasAttachments: state.state === 'mapped' && state.map.byField.attachments !== undefined, dialect, encoding,
    }),
    onRecord: (r) => {
      encoder.add(r);
      if (encoder.full) send();
    },
  });
  const read = await readCsv(job.path, {
    encoding: job.opts.encoding,
    onRow: rows.onRow,
    onProgress: (p) => post({ t: 'progress', p }),
    onDialect: (d, e) => { dialect = d; encoding = e; },
    part: job.part ? { ...job.part, end: () => null } : job.firstOfTwo ? { start: 0, firstLine: 1, end: () => end } : undefined,
  });
  rows.finish();
  if (rows.errorCount === 0 && rows.mapped) send();
  // Listening keeps the worker alive: it must end by itself once `done` is sent.
  port?.off('message', onEnd);
  post({ t: 'done', read, rowsImported: rows.rowsImported, rowsSkipped: rows.rowsSkipped, blankRows: rows.blankRows, errors: rows.errors, errorCount: rows.errorCount, filledDown: rows.filledDown });
}

run(workerData as ParseJob).catch((e: unknown) => {
  port?.off('message', onEnd);
  if (e instanceof FileDecodeError) post({ t: 'fail', kind: 'decode', encoding: e.encoding, line: e.line });
  else if (e instanceof MappingError) post({ t: 'fail', kind: 'mapping', key: e.messageKey, params: e.params });
  else if (e instanceof FileRejectedError) post({ t: 'fail', kind: 'rejected', key: e.messageKey, params: e.params });
  else post({ t: 'fail', kind: 'other', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
});
