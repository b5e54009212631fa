// An import is one transaction: every row valid and the file new, or nothing changes. The steps:
// look at the file (is it one, what format), hash it once, read it (here, or a big CSV ledger in the
// parse worker) into a FileImport, then commit or roll back and say what happened.
import { basename, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { FieldId, FileFormat, ImportOptions, ImportProgress, ImportResult, RowError, TableKind } from '../contract';
import { both, joinBi, listBi } from '../i18n/messages';
import { suggestEncoding } from '../ingest/decode';
import { sha256File } from '../ingest/hash';
import { readTable } from '../ingest/read-table';
import { rowError } from '../ingest/row-errors';
import { villageOfSheet } from '../ingest/place';
import { headBytes, sniffFormat } from '../ingest/sniff';
import { CancelledError, FileDecodeError, FileRejectedError, MappingError, refusalText, type ReadProgress, type ReadResult, type RowAnswer } from '../ingest/table';
import { TableRows, type FoundHeader } from '../ingest/table-rows';
import type { Db } from './db';
import { FileImport, MAX_SAVED_ERRORS, MoneyBudgetError } from './file-import';
import { fieldLabel } from '../ingest/fields';
import { MONEY_BUDGET_FEN } from './source-content';
import { formatFen } from '../format/money';
import { BatchMerger } from './batch-merge';
import { LineAssembler } from './ledger-encoder';
import { forgetSnapshot } from './ledger-snapshot';
import { assemblerSeed, LedgerSink, nextLineId, textSeed } from './ledger-writer';
import { parseInWorker, parseWorkerTarget, WorkerStartError } from './parse-client';
import { parseInTwoWorkers, splitBytes } from './parse-split';
import { keepsSourceBytes, packFile, storeSourceBytes } from './source-bytes';

export { MAX_REPORTED_ERRORS } from './file-import';

/** Above this size a CSV ledger is parsed in a worker thread while this one writes (starting a worker costs a little). */
const WORKER_BYTES = 4 * 1024 * 1024;
/** A workbook's sheet with at most this many fields unrecognised is a ledger sheet that needs a mapping; with more, it is a cover, notes or summary sheet. */
const SHEET_MISSING_TOLERANCE = 3;

export interface ImportHooks {
  onProgress?: (p: ImportProgress) => void;
  /** A rejected file's errors, all of them (up to MAX_SAVED_ERRORS), for the list the user saves. */
  onRejected?: (errors: RowError[]) => void;
  signal?: AbortSignal;
  now?: () => string;
  /** The path recorded for the file (a work package's file is read from a temporary copy but keeps the path it had where it was first imported). */
  recordedPath?: string;
}

function emptyResult(opts: ImportOptions, file: string): ImportResult {
  return {
    status: 'rejected', file, path: opts.path, kind: opts.kind, sha256: '', format: null, encoding: null, sheets: [], filledDown: 0, looksLike: null, fileId: null,
    linesRead: 0, rowsImported: 0, rowsSkipped: 0, blankRows: 0, errors: [], errorCount: 0, missing: [], headers: [], message: '', messageEn: '', durationMs: 0, parser: 'inline',
  };
}

/** The file's bytes are already in the workspace (found by its hash). */
class DuplicateFile extends Error {}

/** How one table's header decides what happens to its rows. */
type TableFate = 'import' | 'duplicate' | 'no-header' | 'needs-mapping';
const passedOver = (f: TableFate | null): boolean => f === 'duplicate' || f === 'no-header';

export async function importFile(db: Db, opts: ImportOptions, hooks: ImportHooks = {}): Promise<ImportResult> {
  const started = performance.now();
  forgetSnapshot(db);
  const path = resolve(opts.path);
  const file = basename(path);
  const result = emptyResult(opts, file);
  const finish = (): ImportResult => ({ ...result, durationMs: Math.round(performance.now() - started) });
  const now = hooks.now ?? (() => new Date().toISOString());

  if (!existsSync(path)) {
    Object.assign(result, both('import.not-found', { file: opts.path }));
    return finish();
  }
  // Step 1: what the file is, from its first bytes; a device, a damaged or encrypted workbook stops here.
  let format: FileFormat;
  let size: number;
  try {
    format = sniffFormat(path, file);
    size = headBytes(path, file, 0).size;
  } catch (e) {
    if (e instanceof FileRejectedError) {
      Object.assign(result, refusalText(e));
      return finish();
    }
    throw e;
  }
  result.format = format;
  const workbook = format === 'xlsx' || format === 'xls';
  const allSheets = workbook && opts.sheet === undefined;

  // Step 2: the hash, once. A text file already in the workspace is recognised before anything is
  // read; a workbook is checked per sheet (another sheet of it is another source).
  const imp = new FileImport(db, { file, path: hooks.recordedPath ?? path, kind: opts.kind, size, sha256: () => result.sha256 });
  const viaWorker = opts.kind === 'ledger' && format === 'csv' && size > WORKER_BYTES && parseWorkerTarget() !== null;
  const hashed = sha256File(path).then((sha) => {
    result.sha256 = sha;
    if (!workbook && imp.isDuplicate(null)) throw new DuplicateFile();
  });
  hashed.catch(() => undefined); // whichever path runs awaits it; this only marks it handled
  // The original bytes, gzipped while the file is read, kept with the import (work packages carry them).
  const packed = keepsSourceBytes(db) ? hashed.then(() => packFile(path)) : Promise.resolve(null);
  packed.catch(() => undefined);
  const duplicate = (): ImportResult => {
    result.status = 'duplicate';
    Object.assign(result, both('import.duplicate', { file }));
    return finish();
  };
  if (!viaWorker) {
    try {
      await hashed;
    } catch (e) {
      if (e instanceof DuplicateFile) return duplicate();
      throw e;
    }
  }

  /** The first table that needs a mapping (the import stops there). */
  let mapping: Extract<FoundHeader, { state: 'needs-mapping' }> | null = null;
  /** The first sheet passed over for having no header: what to say if no sheet has one. */
  let noHeader: Extract<FoundHeader, { state: 'needs-mapping' }> | null = null;
  let headers: string[] = [];

  /** What a table's header means for its rows. */
  const fateOf = (h: FoundHeader, sheet: string | null): TableFate => {
    headers = h.headers;
    if (h.state === 'mapped') return workbook && imp.isDuplicate(sheet) ? 'duplicate' : 'import';
    if (h.looksLike) result.looksLike = h.looksLike as TableKind;
    // A workbook's cover, notes, summary or roster sheet: skipped, and listed as such. A sheet that
    // names most of a ledger's fields is a ledger sheet: it needs a mapping, never to be left out.
    if (allSheets && (h.looksLike || h.headerLine === null || h.missing.length > SHEET_MISSING_TOLERANCE)) {
      noHeader ??= h;
      return 'no-header';
    }
    mapping ??= h;
    return 'needs-mapping';
  };

  /** Step 3a: read here, every table through TableRows into the FileImport. */
  const readInline = async (): Promise<ReadResult> => {
    let table: { sheet: string | null; rows: TableRows<ImportOptions['kind']>; fate: TableFate | null; sink: ReturnType<FileImport['openTable']> | null; lines: number } | null = null;
    const endTable = (): void => {
      if (!table) return;
      const t = table;
      table = null;
      if (t.fate === null) t.rows.finish();
      const r = t.rows;
      const status = t.fate === 'import' ? 'imported' : t.fate === 'duplicate' || t.fate === 'no-header' ? t.fate : null;
      imp.endTable({ rowsImported: r.rowsImported, rowsSkipped: r.rowsSkipped, blankRows: r.blankRows, errors: r.errors, errorCount: r.errorCount, filledDown: r.filledDown, lines: t.lines }, t.sheet, status, t.sink);
    };
    const read = await readTable(path, {
      encoding: opts.encoding,
      sheet: opts.sheet,
      signal: hooks.signal,
      onProgress: (p) => hooks.onProgress?.({ file, ...p }),
      onTable: ({ sheet }) => {
        endTable();
        const t: NonNullable<typeof table> = {
          sheet, fate: null, sink: null, lines: 0,
          rows: new TableRows({
            kind: opts.kind, file, sheet: sheet ?? undefined, map: opts.map, township: opts.township, maxErrors: MAX_SAVED_ERRORS,
            // One sheet per village: a sheet named like a village (赵湾村) names the village of a table without that column.
            village: opts.village ?? (allSheets && sheet ? villageOfSheet(sheet) : undefined),
            checkWidth: format === 'csv',
            // The ledger writer encodes each record at once; projects are kept as records.
            reuseRecords: opts.kind === 'ledger',
            onHeader: (h) => {
              t.fate = fateOf(h, sheet);
              if (t.fate === 'import') t.sink = imp.openTable(sheet, mappedFields(h));
            },
            onRecord: (r) => {
              if (t.fate !== 'import' || !t.sink || imp.errorCount + t.rows.errorCount > 0) return;
              if (opts.kind === 'ledger') imp.putLedger(t.sink, r as never);
              else imp.putProject(t.sink, r as never);
            },
          }),
        };
        table = t;
      },
      onRow: (row): RowAnswer => {
        const t = table;
        if (!t) return true;
        if (passedOver(t.fate)) return 'skip-table';
        t.lines = row.line;
        const go = t.rows.onRow(row);
        // The header just read may have made this a sheet to pass over.
        return passedOver(t.fate) ? 'skip-table' : go;
      },
    }, format);
    endTable();
    return read;
  };

  /** Step 3b: a big CSV ledger parsed in the worker; this thread begins the source at the header and writes each batch. */
  const readInWorker = async (): Promise<ReadResult> => {
    const job = { path, file, opts: { encoding: opts.encoding, map: opts.map, township: opts.township, village: opts.village }, seed: textSeed(db), maxErrors: MAX_SAVED_ERRORS };
    const assembler = new LineAssembler(assemblerSeed(db));
    const merger = new BatchMerger(assembler, job.seed.nextText);
    let table: ReturnType<FileImport['openTable']> | null = null;
    const sinks: [LedgerSink | null, LedgerSink | null] = [null, null];
    const onHeader = (h: { state: FoundHeader; hasAttachments: boolean }): void => {
      if (fateOf(h.state, null) !== 'import') return;
      const t = imp.openTable(null, mappedFields(h.state), false);
      table = t;
      sinks[0] = new LedgerSink(db, t.fileId);
      // One voucher index for both parts; each part's last lines, then the file's vouchers, once.
      t.finish = () => {
        sinks[0]?.finishLines();
        sinks[1]?.finishLines();
        sinks[0]?.writeVouchers(assembler);
      };
    };
    const onProgress = (p: ReadProgress): void => hooks.onProgress?.({ file, ...p });
    let done: Parameters<typeof imp.endTable>[0];
    let read: ReadResult;
    if (size >= splitBytes()) {
      // Two cores: the second part's lines take ids past every line the first part could hold.
      let firstId = 0;
      const [a, b] = await parseInTwoWorkers(job, size, {
        onHeader: (h) => {
          onHeader(h);
          firstId = sinks[0] ? nextLineId(db) : 0;
        },
        onSplit: (s) => {
          if (table) sinks[1] = new LedgerSink(db, (table as { fileId: number }).fileId, firstId + s.firstLine - 1);
        },
        onBatch: (part, batch) => sinks[part]?.write(merger.merge(part, batch)),
        onProgress,
      }, hooks.signal, hashed);
      done = joinParts(a, b);
      read = b ? { ...b.read, complete: a.read.complete && b.read.complete } : a.read;
      result.parser = b ? 'workers' : 'worker';
    } else {
      const d = await parseInWorker(job, { onHeader, onBatch: (batch) => sinks[0]?.write(merger.merge(0, batch)), onProgress }, hooks.signal, hashed);
      done = { ...d, lines: d.read.lines };
      read = d.read;
      result.parser = 'worker';
    }
    imp.endTable({ ...done, lines: read.lines }, null, null, table);
    return read;
  };

  try {
    let read: ReadResult;
    if (viaWorker) {
      try {
        read = await readInWorker();
      } catch (e) {
        // A worker that could not start (its file missing, no thread to spare): parse here instead.
        if (!(e instanceof WorkerStartError)) throw e;
        await hashed;
        read = await readInline();
      }
    } else read = await readInline();
    result.encoding = read.encoding;
    result.linesRead = read.lines;
    result.sheets = imp.sheets;
    result.filledDown = imp.filledDown;
    if (hooks.signal?.aborted) throw new CancelledError();
    const m = mapping as Extract<FoundHeader, { state: 'needs-mapping' }> | null;
    if (m) {
      imp.rollback();
      result.status = 'needs-mapping';
      result.missing = m.missing as FieldId[];
      result.headers = m.headers;
      result.message = m.message;
      result.messageEn = m.messageEn;
      return finish();
    }
    result.headers = headers;
    if (imp.errorCount > 0) return reject();
    if (imp.tables.length === 0) {
      imp.rollback();
      // Every sheet with a header was imported before; or none has one.
      if (imp.sheets.some((s) => s.status === 'duplicate')) return duplicate();
      result.status = 'needs-mapping';
      const h = noHeader as Extract<FoundHeader, { state: 'needs-mapping' }> | null;
      if (h?.looksLike) Object.assign(result, { message: h.message, messageEn: h.messageEn });
      else Object.assign(result, both('import.no-sheet-header', { file, sheets: listBi(imp.sheets.map((s) => s.name)) }));
      return finish();
    }
    // Inside the import's savepoint (open since the first table): the bytes land with the lines or not at all.
    const gz = await packed;
    if (gz) storeSourceBytes(db, result.sha256, size, gz);
    const ids = imp.commit({ format: read.format, encoding: read.encoding }, opts, now());
    result.status = 'imported';
    result.fileId = ids[0] ?? null;
    result.rowsImported = imp.rowsImported;
    result.rowsSkipped = imp.rowsSkipped;
    result.blankRows = imp.blankRows;
    Object.assign(result, importedMessage(file, imp));
    return finish();
  } catch (e) {
    imp.rollback();
    if (e instanceof DuplicateFile) return duplicate();
    if (e instanceof CancelledError) {
      result.status = 'cancelled';
      result.rowsImported = 0;
      Object.assign(result, both('import.cancelled', { file }));
      return finish();
    }
    if (e instanceof FileDecodeError) {
      const suggestion = e.suggestion ?? (await suggestEncoding(path, e.encoding));
      const params = { encoding: e.encoding.toUpperCase(), suggestion: suggestion ?? '', suggestionUpper: suggestion?.toUpperCase() ?? '' };
      imp.addErrors([rowError({ file, line: e.line, headers: [] }, 0, null, suggestion ? 'row.decode.suggest' : 'row.decode', e.encoding, '', params)]);
      return reject();
    }
    if (e instanceof MoneyBudgetError) {
      const fieldParams = { field: fieldLabel(e.field, 'zh'), fieldEn: fieldLabel(e.field, 'en'), limit: formatFen(Number(MONEY_BUDGET_FEN)) };
      imp.addErrors([rowError({ file, sheet: e.sheet ?? undefined, line: e.line, headers: [] }, -1, e.field, 'row.money.over-budget', '', '', fieldParams)]);
      return reject();
    }
    if (e instanceof MappingError) {
      result.status = 'needs-mapping';
      Object.assign(result, refusalText(e));
      result.headers = headers;
      return finish();
    }
    if (e instanceof FileRejectedError) {
      result.status = 'rejected';
      Object.assign(result, refusalText(e));
      return finish();
    }
    throw e;
  }

  /** Row errors: nothing of the file stays, every error (up to the cap) is reported. */
  function reject(): ImportResult {
    imp.rollback();
    result.status = 'rejected';
    result.errors = imp.errors;
    result.errorCount = imp.errorCount;
    hooks.onRejected?.(imp.allErrors);
    result.rowsImported = 0;
    Object.assign(result, both('import.rejected', { file, count: imp.errorCount }));
    return finish();
  }
}

/** The fields a table's header found a column for (what the file holds, whether or not its cells are filled). */
function mappedFields(h: FoundHeader): string[] {
  return h.state === 'mapped' ? Object.keys(h.map.byField) : [];
}

/** 已导入 …；a workbook's sheets, and continuation lines filled down, are named. */
function importedMessage(file: string, imp: FileImport): { message: string; messageEn: string } {
  const base = both('import.ok', { file, rows: imp.rowsImported, skipped: imp.rowsSkipped });
  const parts = [base];
  const imported = imp.sheets.filter((s) => s.status === 'imported').map((s) => s.name);
  const skipped = imp.sheets.filter((s) => s.status !== 'imported');
  if (imp.sheets.length > 1 && imported.length > 0) parts.push(both('import.sheets', { count: imported.length, sheets: listBi(imported) }));
  if (skipped.some((s) => s.status === 'no-header')) parts.push(both('import.sheets-no-header', { sheets: listBi(skipped.filter((s) => s.status === 'no-header').map((s) => s.name)) }));
  if (skipped.some((s) => s.status === 'duplicate')) parts.push(both('import.sheets-duplicate', { sheets: listBi(skipped.filter((s) => s.status === 'duplicate').map((s) => s.name)) }));
  if (imp.filledDown > 0) parts.push(both('import.filled-down', { rows: imp.filledDown }));
  const joined = joinBi(parts.map((p) => ({ zh: p.message, en: p.messageEn })), 'fmt.items');
  return { message: joined.zh, messageEn: joined.en };
}

type PartDone = { rowsImported: number; rowsSkipped: number; blankRows: number; errors: RowError[]; errorCount: number; filledDown: number };

/** Both parts' counts and errors as one file's (the first part's errors come first: they are earlier lines). */
function joinParts(a: PartDone, b: PartDone | null): PartDone & { lines: number } {
  if (!b) return { ...a, lines: 0 };
  return {
    rowsImported: a.rowsImported + b.rowsImported, rowsSkipped: a.rowsSkipped + b.rowsSkipped, blankRows: a.blankRows + b.blankRows,
    errors: [...a.errors, ...b.errors].slice(0, MAX_SAVED_ERRORS), errorCount: a.errorCount + b.errorCount, filledDown: a.filledDown + b.filledDown, lines: 0,
  };
}
