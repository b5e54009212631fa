// The rows of a table after its header, as the importer and the parse worker both read them:
// find the header, map each row (ledger or project), count subtotal/balance and blank rows,
// collect row errors (capped, the count goes on), and hand on records while there is no error.
import type { RowError } from '../contract';
import type { TableKind } from './fields';
import { mapLedgerRow, type LedgerRecord } from './ledger-row';
import { mapProjectRow, type ProjectRecord } from './project-row';
import type { RawRow } from './table';
import { HeaderFinder, type HeaderState } from './table-session';

export type FoundHeader = Exclude<HeaderState, { state: 'scanning' }>;

export interface TableRowsOptions<R> {
  kind: Extract<TableKind, 'ledger' | 'projects'>;
  file: string;
  map?: Record<string, string>;
  township?: string;
  village?: string;
  maxErrors: number;
  /** The header is known (mapped, or needing a mapping: then reading stops). */
  onHeader: (h: FoundHeader) => void;
  /** A valid row, while no row had an error (after one, the import will be rolled back). */
  onRecord: (r: R) => void;
}

export class TableRows<R extends LedgerRecord | ProjectRecord> {
  readonly finder: HeaderFinder;
  rowsImported = 0;
  rowsSkipped = 0;
  blankRows = 0;
  readonly errors: RowError[] = [];
  errorCount = 0;
  private handle: ((row: RawRow) => void) | null = null;

  constructor(private readonly o: TableRowsOptions<R>) {
    this.finder = new HeaderFinder({ kind: o.kind, file: o.file, map: o.map, township: o.township, village: o.village });
  }

  /** The header was found and mapped: rows are being read. */
  get mapped(): boolean {
    return this.handle !== null;
  }

  /** For readTable's onRow: false stops the read (the file needs a mapping first). */
  readonly onRow = (row: RawRow): boolean => {
    if (this.handle) {
      this.handle(row);
      return true;
    }
    const st = this.finder.offer(row);
    if (st.state === 'scanning') return true;
    this.o.onHeader(st);
    if (st.state === 'needs-mapping') return false;
    this.handle = this.rowHandler(st);
    return true;
  };

  /** After the read: the header as found, or, when the file ended before one, why none was (reported to onHeader too). */
  finish(): FoundHeader {
    if (this.finder.result.state !== 'scanning') return this.finder.result;
    const st = this.finder.finish() as FoundHeader;
    this.o.onHeader(st);
    return st;
  }

  private rowHandler(st: Extract<HeaderState, { state: 'mapped' }>): (row: RawRow) => void {
    const o = this.o;
    const ctxBase = { file: o.file, headers: st.headers };
    const rowOpts = { map: st.map, township: o.township, village: o.village };
    return (row: RawRow) => {
      const ctx = { ...ctxBase, line: row.line };
      const out = o.kind === 'ledger' ? mapLedgerRow(row.cells, ctx, rowOpts) : mapProjectRow(row.cells, ctx, rowOpts);
      if (out.kind === 'record') {
        if (this.errorCount === 0) o.onRecord(out.record as R);
        this.rowsImported++;
      } else if (out.kind === 'subtotal') this.rowsSkipped++;
      else if (out.kind === 'blank') this.blankRows++;
      else {
        this.errorCount += out.errors.length;
        for (const e of out.errors) if (this.errors.length < o.maxErrors) this.errors.push(e);
      }
    };
  }
}
