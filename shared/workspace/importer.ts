// An import is one transaction: every row valid and the file new, or nothing changes.
import { basename, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { FieldId, ImportOptions, ImportProgress, ImportResult, RowError } from '../contract';
import { both } from '../i18n/messages';
import { sha256File } from '../ingest/hash';
import { headerScore, MappingError } from '../ingest/header';
import type { LedgerRecord } from '../ingest/ledger-row';
import type { ProjectRecord } from '../ingest/project-row';
import { formatOf, readTable } from '../ingest/read-table';
import { rowError } from '../ingest/row-errors';
import { CancelledError, FileDecodeError, type ReadResult } from '../ingest/table';
import { TableRows, type FoundHeader } from '../ingest/table-rows';
import type { Db } from './db';
import { LineAssembler } from './ledger-encoder';
import { assemblerSeed, LedgerSink, LedgerWriter, textSeed } from './ledger-writer';
import { parseInWorker, parseWorkerTarget, WorkerStartError } from './parse-client';

/** Enough errors to fix a file by; the count goes on. */
export const MAX_REPORTED_ERRORS = 200;
/** Above this size the ledger's indexes are dropped for the load and rebuilt after it. */
const BULK_BYTES = 8 * 1024 * 1024;
/** Above this size a CSV ledger is parsed in a worker thread while this one writes (starting a worker costs a little). */
const WORKER_BYTES = 4 * 1024 * 1024;
// Lines are found through their vouchers by a scan (rules need a few percent of them at once);
// an index on ledger_rows(voucher_ref) would cost more to build than it saves.
const LEDGER_INDEXES: Record<string, string> = {
  vouchers_key: 'CREATE INDEX IF NOT EXISTS vouchers_key ON vouchers(township_id, village_id, year, voucher_id)',
};

export function ensureLedgerIndexes(db: Db): void {
  for (const sql of Object.values(LEDGER_INDEXES)) db.exec(sql);
}

export interface ImportHooks {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  now?: () => string;
}

function emptyResult(opts: ImportOptions, file: string): ImportResult {
  return {
    status: 'rejected', file, path: opts.path, kind: opts.kind, sha256: '', encoding: null, fileId: null, linesRead: 0,
    rowsImported: 0, rowsSkipped: 0, blankRows: 0, errors: [], errorCount: 0, missing: [], headers: [], message: '', messageEn: '', durationMs: 0, parser: 'inline',
  };
}

/** The file's bytes are already in the workspace (found by its hash). */
class DuplicateFile extends Error {}

export async function importFile(db: Db, opts: ImportOptions, hooks: ImportHooks = {}): Promise<ImportResult> {
  const started = performance.now();
  const path = resolve(opts.path);
  const file = basename(path);
  const result = emptyResult(opts, file);
  const finish = (): ImportResult => ({ ...result, durationMs: Math.round(performance.now() - started) });

  if (!existsSync(path)) {
    Object.assign(result, both('import.not-found', { file: opts.path }));
    return finish();
  }

  // Same bytes already in the workspace: recognised by hash before anything is written. A
  // workbook is checked again once its sheet is known (another sheet of it is another source).
  const sameSource = db.prepare("SELECT name FROM source_files WHERE sha256 = ? AND COALESCE(sheet, '') = ? AND format <> ''");
  const duplicate = (): ImportResult => {
    result.status = 'duplicate';
    Object.assign(result, both('import.duplicate', { file }));
    return finish();
  };
  const viaWorker = opts.kind === 'ledger' && formatOf(path) === 'csv' && statSync(path).size > WORKER_BYTES && parseWorkerTarget() !== null;
  // A big CSV's parse worker starts while the file is hashed (its messages wait for the check);
  // anything else is read only once the hash is known.
  const hashed = sha256File(path).then((sha) => {
    result.sha256 = sha;
    if (formatOf(path) !== 'xlsx' && sameSource.get(sha, '')) throw new DuplicateFile();
  });
  hashed.catch(() => undefined); // whichever path runs awaits it; this only marks it handled
  if (!viaWorker) {
    try {
      await hashed;
    } catch (e) {
      if (e instanceof DuplicateFile) return duplicate();
      throw e;
    }
  }

  const errors: RowError[] = [];
  let errorCount = 0;
  let fileId = 0;
  let inTx = false;
  let bulk = false;
  let hasAttachments = false;
  let headers: string[] = [];
  /** The header as found (by this thread or the parse worker), and the last writes once every row is read. */
  const found: { header: FoundHeader | null; finishWrites: (() => void) | null } = { header: null, finishWrites: null };

  const addErrors = (errs: RowError[]): void => {
    errorCount += errs.length;
    for (const e of errs) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
  };
  const takeCounts = (c: { rowsImported: number; rowsSkipped: number; blankRows: number; errors: RowError[]; errorCount: number }): void => {
    result.rowsImported = c.rowsImported;
    result.rowsSkipped = c.rowsSkipped;
    result.blankRows = c.blankRows;
    addErrors(c.errors);
    errorCount += c.errorCount - c.errors.length;
  };
  /** The header is known: when mapped, the file's savepoint begins. */
  const onHeader = (h: FoundHeader, attachments: boolean): void => {
    found.header = h;
    headers = h.headers;
    if (h.state !== 'mapped') return;
    begin();
    hasAttachments = attachments;
  };

  const begin = (): void => {
    // A savepoint: its own transaction when alone, nested when a batch import wraps it.
    db.exec('SAVEPOINT import_file');
    inTx = true;
    bulk = opts.kind === 'ledger' && statSync(path).size > BULK_BYTES;
    if (bulk) for (const name of Object.keys(LEDGER_INDEXES)) db.exec(`DROP INDEX IF EXISTS ${name}`);
    // A placeholder row gives the lines their file id; it is completed at the end.
    fileId = Number(db.prepare(`INSERT INTO source_files (sha256, name, path, kind, format, size, line_count, rows_imported, rows_skipped, has_attachments, options, imported_at)
      VALUES (?, ?, ?, ?, '', 0, 0, 0, 0, 0, '{}', '')`).run(result.sha256, file, path, opts.kind).lastInsertRowid);
  };

  const writer: { ledger: LedgerWriter | null } = { ledger: null };
  const projectInsert = db.prepare(`INSERT INTO projects (file_id, line_no, code, township, village, name, contractor, contract_fen, contract_qty, unit, accepted_qty, measured_qty, accepted_date)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const putLedger = (r: LedgerRecord): void => {
    writer.ledger ??= new LedgerWriter(db, fileId);
    writer.ledger.add(r);
  };
  const putProject = (r: ProjectRecord): void => {
    projectInsert.run(fileId, r.line, r.code, r.township, r.village, r.name, r.contractor, r.contractFen, r.contractQty, r.unit, r.acceptedQty, r.measuredQty, r.acceptedDate);
  };

  /** Parse here: every row through TableRows, records written as they come. */
  const readInline = async (): Promise<ReadResult> => {
    const rows = new TableRows<LedgerRecord | ProjectRecord>({
      kind: opts.kind, file, map: opts.map, township: opts.township, village: opts.village, maxErrors: MAX_REPORTED_ERRORS,
      onHeader: (h) => onHeader(h, h.state === 'mapped' && h.map.byField.attachments !== undefined),
      onRecord: (r) => (opts.kind === 'ledger' ? putLedger(r as LedgerRecord) : putProject(r as ProjectRecord)),
    });
    try {
      const read = await readTable(path, {
        encoding: opts.encoding,
        sheet: opts.sheet,
        isHeaderRow: (cells) => headerScore(opts.kind, cells) >= 3,
        onRow: rows.onRow,
        signal: hooks.signal,
        onProgress: (p) => hooks.onProgress?.({ file, ...p }),
      });
      rows.finish();
      found.finishWrites = () => writer.ledger?.finish();
      return read;
    } finally {
      // Errors found before a failure (a decode error further down) are reported with it.
      takeCounts(rows);
    }
  };

  /** Parse in the worker; this thread begins the savepoint at the header and writes each batch. */
  const readInWorker = async (): Promise<ReadResult> => {
    let sink: LedgerSink | null = null;
    const assembler = new LineAssembler(assemblerSeed(db));
    const done = await parseInWorker({
      path, file, opts: { encoding: opts.encoding, map: opts.map, township: opts.township, village: opts.village }, seed: textSeed(db), maxErrors: MAX_REPORTED_ERRORS,
    }, {
      onHeader: (h) => {
        onHeader(h.state, h.hasAttachments);
        if (h.state.state === 'mapped') sink = new LedgerSink(db, fileId);
      },
      onBatch: (b) => sink?.write(b, assembler),
      onProgress: (p) => hooks.onProgress?.({ file, ...p }),
    }, hooks.signal, hashed);
    takeCounts(done);
    found.finishWrites = () => sink?.finish(assembler);
    return done.read;
  };

  try {
    let read: ReadResult;
    if (viaWorker) {
      try {
        read = await readInWorker();
        result.parser = 'worker';
      } catch (e) {
        // A worker that could not start (its file missing, no thread to spare): parse here instead.
        if (!(e instanceof WorkerStartError)) throw e;
        await hashed;
        read = await readInline();
      }
    } else read = await readInline();
    result.encoding = read.encoding;
    result.linesRead = read.lines;
    if (hooks.signal?.aborted) throw new CancelledError();
    const st = found.header;
    if (st?.state !== 'mapped') {
      if (st?.state === 'needs-mapping') {
        result.status = 'needs-mapping';
        result.missing = st.missing as FieldId[];
        result.headers = st.headers;
        result.message = st.message;
        result.messageEn = st.messageEn;
        return finish();
      }
    }
    result.headers = headers;
    if (errorCount > 0) return reject();
    if (read.format === 'xlsx' && sameSource.get(result.sha256, read.sheet ?? '')) {
      rollback();
      return duplicate();
    }
    found.finishWrites?.();
    if (bulk) ensureLedgerIndexes(db);
    db.prepare(`UPDATE source_files SET format = ?, encoding = ?, sheet = ?, size = ?, line_count = ?, rows_imported = ?, rows_skipped = ?,
        has_attachments = ?, options = ?, imported_at = ? WHERE id = ?`)
      .run(read.format, read.encoding, read.sheet, read.size, read.lines, result.rowsImported, result.rowsSkipped, hasAttachments ? 1 : 0,
        JSON.stringify({ township: opts.township ?? null, village: opts.village ?? null, map: opts.map ?? {}, encoding: opts.encoding ?? 'auto', sheet: opts.sheet ?? null }),
        (hooks.now ?? (() => new Date().toISOString()))(), fileId);
    db.exec('RELEASE import_file');
    inTx = false;
    result.status = 'imported';
    result.fileId = fileId;
    Object.assign(result, both('import.ok', { file, rows: result.rowsImported, skipped: result.rowsSkipped }));
    return finish();
  } catch (e) {
    rollback();
    if (e instanceof DuplicateFile) return duplicate();
    if (e instanceof CancelledError) {
      result.status = 'cancelled';
      result.rowsImported = 0;
      Object.assign(result, both('import.cancelled', { file }));
      return finish();
    }
    if (e instanceof FileDecodeError) {
      addErrors([rowError({ file, line: e.line, headers: [] }, 0, null, 'row.decode', e.encoding, '', { encoding: e.encoding.toUpperCase() })]);
      return reject();
    }
    if (e instanceof MappingError) {
      result.status = 'needs-mapping';
      result.message = e.messageZh;
      result.messageEn = e.messageEn;
      result.headers = headers;
      return finish();
    }
    throw e;
  }

  /** Row errors: nothing of the file stays, every error (up to the cap) is reported. */
  function reject(): ImportResult {
    rollback();
    result.status = 'rejected';
    result.errors = errors;
    result.errorCount = errorCount;
    result.rowsImported = 0;
    Object.assign(result, both('import.rejected', { file, count: errorCount }));
    return finish();
  }

  function rollback(): void {
    if (inTx) {
      db.exec('ROLLBACK TO import_file');
      db.exec('RELEASE import_file');
      inTx = false;
    }
  }
}
