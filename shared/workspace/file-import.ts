// One file's import inside the workspace, as steps: begin (a savepoint), one source per table
// (a text file, or each sheet of a workbook) with its writer, commit, or roll back. Whatever
// reads the file (inline or the parse worker) hands it headers and records; the outcome is one
// ImportResult. Nothing of a file stays unless all of it is written.
import type { FileFormat, ImportOptions, RowError, SheetOutcome } from '../contract';
import type { LedgerRecord } from '../ingest/ledger-row';
import type { ProjectRecord } from '../ingest/project-row';
import type { Db } from './db';
import { LedgerWriter } from './ledger-writer';
import { sealedMoney, sealSourceFile, sourceContentHash } from './source-content';

/** A table's amounts would take the workspace's money past what sums exactly (source-content.ts): a row error at that line. */
export class MoneyBudgetError extends Error {
  constructor(readonly sheet: string | null, readonly line: number, readonly field: 'debit' | 'credit' | 'contractAmount') {
    super('amounts too large');
  }
}

/** Enough errors to fix a file by; the count goes on. */
export const MAX_REPORTED_ERRORS = 200;
/** Errors kept for the list the user can save as a file. */
export const MAX_SAVED_ERRORS = 100_000;

export interface TableCounts {
  rowsImported: number;
  rowsSkipped: number;
  blankRows: number;
  errors: RowError[];
  errorCount: number;
  filledDown: number;
  lines: number;
}

/** Where a table's records go: a new source_files row and its writer. */
export interface TableSink {
  fileId: number;
  sheet: string | null;
  ledger: LedgerWriter | null;
  /** The parse worker's path writes through its own sink: this only finishes it. */
  finish: (() => void) | null;
}

export class FileImport {
  private inTx = false;
  readonly tables: (TableSink & { counts: TableCounts | null; fields: readonly string[] })[] = [];
  readonly sheets: SheetOutcome[] = [];
  readonly errors: RowError[] = [];
  /** Every error up to MAX_SAVED_ERRORS, for the saved list. */
  readonly allErrors: RowError[] = [];
  errorCount = 0;
  rowsImported = 0;
  rowsSkipped = 0;
  blankRows = 0;
  filledDown = 0;
  private readonly sameSource;
  private readonly insertProject;

  constructor(private readonly db: Db, private readonly o: { file: string; path: string; kind: ImportOptions['kind']; size: number; sha256: () => string }) {
    this.sameSource = db.prepare<[string, string], { name: string }>("SELECT name FROM source_files WHERE sha256 = ? AND COALESCE(sheet, '') = ? AND format <> ''");
    this.insertProject = db.prepare(`INSERT INTO projects (file_id, line_no, code, township, village, name, contractor, contract_fen, contract_qty, unit, accepted_qty, measured_qty, accepted_date)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** This table's bytes (and sheet) are in the workspace already. */
  isDuplicate(sheet: string | null): boolean {
    return !!this.sameSource.get(this.o.sha256(), sheet ?? '');
  }

  private begin(): void {
    if (this.inTx) return;
    // A savepoint: its own transaction when alone, nested when a batch import wraps it.
    this.db.exec('SAVEPOINT import_file');
    this.inTx = true;
  }

  /**
   * A table's header is mapped: its source row exists from now on (inside the savepoint).
   * `fields`: the fields its header mapped, kept so the rules tell a column the file lacks from one left empty.
   */
  openTable(sheet: string | null, fields: readonly string[], ownWriter = true): TableSink {
    this.begin();
    this.finishLast();
    // A placeholder row gives the lines their file id; it is completed at commit.
    const fileId = Number(this.db.prepare(`INSERT INTO source_files (sha256, name, path, kind, format, sheet, size, line_count, rows_imported, rows_skipped, has_attachments, options, imported_at)
      VALUES (?, ?, ?, ?, '', ?, 0, 0, 0, 0, 0, '{}', '')`).run(this.o.sha256(), this.o.file, this.o.path, this.o.kind, sheet).lastInsertRowid);
    const t = { fileId, sheet, ledger: this.o.kind === 'ledger' && ownWriter ? new LedgerWriter(this.db, fileId) : null, finish: null, counts: null, fields: [...fields].sort() };
    this.tables.push(t);
    return t;
  }

  /** The previous table's last lines and its vouchers, before the next table's ids are handed out. */
  private finishLast(): void {
    const last = this.tables[this.tables.length - 1];
    if (!last || !this.inTx) return;
    last.ledger?.finish();
    last.finish?.();
    last.ledger = null;
    last.finish = null;
  }

  putLedger(t: TableSink, r: LedgerRecord): void {
    (t.ledger as LedgerWriter).add(r);
  }

  putProject(t: TableSink, r: ProjectRecord): void {
    this.insertProject.run(t.fileId, r.line, r.code, r.township, r.village, r.name, r.contractor, r.contractFen, r.contractQty, r.unit, r.acceptedQty, r.measuredQty, r.acceptedDate);
  }

  /** A table was read to its end (or the file ended): its counts join the file's. */
  endTable(counts: TableCounts, sheet: string | null, status: SheetOutcome['status'] | null, sink: TableSink | null): void {
    this.rowsImported += counts.rowsImported;
    this.rowsSkipped += counts.rowsSkipped;
    this.blankRows += counts.blankRows;
    this.filledDown += counts.filledDown;
    this.addErrors(counts.errors, counts.errorCount);
    const t = sink ? this.tables.find((x) => x.fileId === sink.fileId) : undefined;
    if (t) t.counts = counts;
    if (sheet !== null && status) this.sheets.push({ name: sheet, status, rows: status === 'imported' ? counts.rowsImported : 0, skipped: status === 'imported' ? counts.rowsSkipped : 0 });
  }

  addErrors(errs: RowError[], count = errs.length): void {
    this.errorCount += count;
    for (const e of errs) {
      if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(e);
      if (this.allErrors.length < MAX_SAVED_ERRORS) this.allErrors.push(e);
    }
  }

  /** Every table written: the last writes, each source row completed, the savepoint released. */
  commit(read: { format: FileFormat; encoding: string | null }, options: ImportOptions, now: string): number[] {
    this.finishLast();
    const update = this.db.prepare(`UPDATE source_files SET format = ?, encoding = ?, size = ?, line_count = ?, rows_imported = ?, rows_skipped = ?,
        has_attachments = ?, options = ?, imported_at = ?, fields = ? WHERE id = ?`);
    const opts = JSON.stringify({ township: options.township ?? null, village: options.village ?? null, map: options.map ?? {}, encoding: options.encoding ?? 'auto', sheet: options.sheet ?? null });
    for (const t of this.tables) {
      const c = t.counts;
      update.run(read.format, read.encoding, this.o.size, c?.lines ?? 0, c?.rowsImported ?? 0, c?.rowsSkipped ?? 0, t.fields.includes('attachments') ? 1 : 0, opts, now,
        JSON.stringify(t.fields), t.fileId);
      // The seal: what was written, hashed (verify recomputes it), and its money within the budget.
      const content = sourceContentHash(this.db, t.fileId, sealedMoney(this.db));
      if (content.overBudget) throw new MoneyBudgetError(t.sheet, content.overBudget.line, content.overBudget.field);
      sealSourceFile(this.db, t.fileId, now, content);
    }
    if (this.inTx) this.db.exec('RELEASE import_file');
    this.inTx = false;
    return this.tables.map((t) => t.fileId);
  }

  rollback(): void {
    if (!this.inTx) return;
    this.db.exec('ROLLBACK TO import_file');
    this.db.exec('RELEASE import_file');
    this.inTx = false;
  }
}
