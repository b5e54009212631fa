// The rows of one table (a text file, or one sheet of a workbook) after its header, as the
// importer, the roster import and the parse worker all read them: find the header, map each row
// by its kind, count subtotal/balance and blank rows, collect row errors (capped, the count goes
// on), and hand on records while there is no error.
import type { RowError, TableKind } from '../contract';
import { CadreRowMapper, type CadreRecord } from './cadre-row';
import { firstText, isSubtotalText, LedgerRowMapper, type LedgerRecord, type RowOutcome } from './ledger-row';
import { ProjectRowMapper, type ProjectRecord } from './project-row';
import { rowError, type RowContext } from './row-errors';
import type { Cell, RawRow } from './table';
import { HeaderFinder, type HeaderState } from './table-session';

export type FoundHeader = Exclude<HeaderState, { state: 'scanning' }>;
export type MappedHeader = Extract<HeaderState, { state: 'mapped' }>;

export interface RecordOf {
  ledger: LedgerRecord;
  projects: ProjectRecord;
  cadres: CadreRecord;
}

export interface RowMapper<R> {
  map(cells: Cell[], ctx: RowContext): RowOutcome<R>;
  filledDown?: number;
}

export function mapperFor<K extends TableKind>(kind: K, h: MappedHeader, o: { township?: string; village?: string; reuseRecords?: boolean }): RowMapper<RecordOf[K]> {
  const opts = { map: h.map, township: o.township, village: o.village, reuse: o.reuseRecords };
  if (kind === 'ledger') return new LedgerRowMapper(opts) as unknown as RowMapper<RecordOf[K]>;
  if (kind === 'projects') return new ProjectRowMapper(opts) as unknown as RowMapper<RecordOf[K]>;
  return new CadreRowMapper(opts) as unknown as RowMapper<RecordOf[K]>;
}

export interface TableRowsOptions<K extends TableKind> {
  kind: K;
  file: string;
  /** The sheet, for a workbook (named in errors and sources). */
  sheet?: string;
  map?: Record<string, string>;
  township?: string;
  village?: string;
  maxErrors: number;
  /**
   * Text files: every data row must have as many cells as the header (a row cut short or one
   * with cells to spare is shifted, not data). Workbooks leave trailing empty cells out.
   */
  checkWidth: boolean;
  /**
   * onRecord consumes each record before the next row is read (an encoder): one record object is
   * refilled for every row instead of a new one each (ledger only).
   */
  reuseRecords?: boolean;
  /** The header, already found (a part of a file read on another core after the first part found it): rows are data from the start. */
  header?: MappedHeader;
  /** The header is known (mapped, or needing a mapping: then reading stops). */
  onHeader: (h: FoundHeader) => void;
  /** A valid row, while no row had an error (after one, the import will be rolled back). */
  onRecord: (r: RecordOf[K]) => void;
}

export class TableRows<K extends TableKind> {
  readonly finder: HeaderFinder;
  rowsImported = 0;
  rowsSkipped = 0;
  blankRows = 0;
  readonly errors: RowError[] = [];
  errorCount = 0;
  private mapper: RowMapper<RecordOf[K]> | null = null;
  private handle: ((row: RawRow) => void) | null = null;

  constructor(private readonly o: TableRowsOptions<K>) {
    this.finder = new HeaderFinder({ kind: o.kind, file: o.file, sheet: o.sheet, map: o.map, township: o.township, village: o.village });
    if (o.header) {
      this.finder.result = o.header;
      this.handle = this.rowHandler(o.header);
    }
  }

  /** The header was found and mapped: rows are being read. */
  get mapped(): boolean {
    return this.handle !== null;
  }

  /** Continuation lines that took their voucher's date and number from the line above. */
  get filledDown(): number {
    return this.mapper?.filledDown ?? 0;
  }

  /** For a reader's onRow: false stops the read (the table needs a mapping first). */
  readonly onRow = (row: RawRow): boolean => {
    if (this.handle) {
      this.handle(row);
      return true;
    }
    const st = this.finder.offer(row);
    if (st.state === 'scanning') return true;
    return this.start(st);
  };

  private start(st: FoundHeader): boolean {
    this.o.onHeader(st);
    if (st.state === 'needs-mapping') return false;
    this.handle = this.rowHandler(st);
    for (const r of st.pending) this.handle(r);
    return true;
  }

  /** After the read: the header as found, or, when the table ended before one, why none was (reported to onHeader too). */
  finish(): FoundHeader {
    if (this.finder.result.state !== 'scanning') return this.finder.result;
    const st = this.finder.finish() as FoundHeader;
    this.start(st);
    return st;
  }

  private addErrors(errs: RowError[]): void {
    this.errorCount += errs.length;
    for (const e of errs) if (this.errors.length < this.o.maxErrors) this.errors.push(e);
  }

  private rowHandler(st: MappedHeader): (row: RawRow) => void {
    const o = this.o;
    const mapper = mapperFor(o.kind, st, o);
    this.mapper = mapper;
    const ctx: RowContext = { file: o.file, sheet: o.sheet, headers: st.headers, line: 0 };
    const width = st.width;
    return (row: RawRow) => {
      ctx.line = row.line;
      const cells = row.cells;
      if (o.checkWidth && cells.length !== width) {
        const bad = widthError(cells, width, ctx);
        if (bad) {
          this.addErrors([bad]);
          return;
        }
      }
      const out = mapper.map(cells, ctx);
      if (out.kind === 'record') {
        if (this.errorCount === 0) o.onRecord(out.record);
        this.rowsImported++;
      } else if (out.kind === 'subtotal') this.rowsSkipped++;
      else if (out.kind === 'blank') this.blankRows++;
      else this.addErrors(out.errors);
    };
  }
}

/**
 * Cells to spare that hold something, or too few cells: the row does not line up with the
 * header (a delimiter inside an unquoted field, a file cut mid-row). Empty cells to spare are
 * a trailing delimiter, harmless.
 */
export function widthError(cells: Cell[], width: number, ctx: RowContext): RowError | null {
  // A lone empty cell is a blank line; a short 合计 row is skipped anyway.
  if (cells.length === width || (cells.length === 1 && cells[0] === '') || isSubtotalText(firstText(cells))) return null;
  if (cells.length > width) {
    for (let i = width; i < cells.length; i++) {
      const c = cells[i];
      if (c !== '' && c !== null && !(typeof c === 'string' && c.trim() === '')) {
        return rowError(ctx, i, null, 'row.width', String(width), '', { expected: width, found: cells.length });
      }
    }
    return null;
  }
  return rowError(ctx, Math.max(cells.length - 1, 0), null, 'row.width', String(width), '', { expected: width, found: cells.length });
}
