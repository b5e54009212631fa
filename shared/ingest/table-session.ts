// The header-finding part of reading a table (a file or a sheet), shared by preview and import:
// buffer the first rows, find the header among them (one to three rows, under title lines), map
// its columns, then hand the rows after it on.
import type { FieldId, TableKind } from '../contract';
import { both, listBi, type MessageKey } from '../i18n/messages';
import { fieldLabel, normaliseHeader } from './fields';
import { bestHeaderSpan, HEADER_MIN_SCORE, HEADER_SCAN_ROWS, mapColumns, MAX_HEADER_ROWS, suggestMapping, type ColumnMap } from './header';
import { cellText, type RawRow } from './table';

export type HeaderState =
  | { state: 'scanning' }
  | {
      state: 'mapped'; headerFirstLine: number; headerLine: number; headers: string[]; map: ColumnMap;
      /** Rows read after the header while deciding where it ends: data rows, to be handled next. */
      pending: RawRow[];
      /** Cells in the widest header row: a text file's data rows should have as many. */
      width: number;
    }
  | {
      state: 'needs-mapping'; headerFirstLine: number | null; headerLine: number | null; headers: string[]; missing: FieldId[];
      message: string; messageEn: string;
      /** Rows read after the header line (a preview shows them as they are, to choose the mapping). */
      pending: RawRow[];
      /** The header fits this other kind completely (a roster or a project file picked as a ledger). */
      looksLike: TableKind | null;
    };

export interface HeaderFinderOptions {
  kind: TableKind;
  file: string;
  sheet?: string;
  map?: Record<string, string>;
  township?: string;
  village?: string;
}

const KINDS: TableKind[] = ['ledger', 'projects', 'cadres'];
const lookLikeKey = (k: TableKind): MessageKey => `import.looks-like.${k}`;

export class HeaderFinder {
  private readonly seen: RawRow[] = [];
  private readonly texts: string[][] = [];
  /** Index in `seen` of the first row that looked like (part of) a header. */
  private trigger = -1;
  result: HeaderState = { state: 'scanning' };

  private readonly mappedColumns: Set<string>;

  constructor(private readonly opts: HeaderFinderOptions) {
    this.mappedColumns = new Set(Object.values(opts.map ?? {}).map(normaliseHeader).filter(Boolean));
  }

  private readonly hits = (headers: string[]): number => headers.filter((h) => this.mappedColumns.has(h)).length;

  /** Feeds a row before the header is known; returns the new state. */
  offer(row: RawRow): HeaderState {
    this.seen.push(row);
    this.texts.push(row.cells.map(cellText));
    const i = this.seen.length - 1;
    if (this.trigger < 0) {
      const span = bestHeaderSpan(this.opts.kind, this.texts, i, i, this.hits);
      if (span && span.score >= HEADER_MIN_SCORE) this.trigger = i;
    }
    // A header may go on for two more rows (merged cells): decide once they are seen.
    if (this.trigger >= 0 && i >= this.trigger + MAX_HEADER_ROWS - 1) this.result = this.decide();
    else if (this.trigger < 0 && this.seen.length >= HEADER_SCAN_ROWS) this.result = this.noHeader();
    return this.result;
  }

  /** The table ended while scanning. */
  finish(): HeaderState {
    if (this.result.state === 'scanning') this.result = this.trigger >= 0 ? this.decide() : this.noHeader();
    return this.result;
  }

  private provided(): FieldId[] {
    const p: FieldId[] = [];
    if (this.opts.township) p.push('township');
    if (this.opts.village) p.push('village');
    return p;
  }

  private decide(): HeaderState {
    const span = bestHeaderSpan(this.opts.kind, this.texts, this.trigger, this.trigger + MAX_HEADER_ROWS - 1, this.hits);
    if (!span) return this.noHeader();
    return this.resolve(span.first, span.last, span.headers);
  }

  private resolve(first: number, last: number, headers: string[]): HeaderState {
    const map = mapColumns(headers, { kind: this.opts.kind, map: this.opts.map, provided: this.provided() });
    const line = (this.seen[last] as RawRow).line;
    const firstLine = (this.seen[first] as RawRow).line;
    if (map.missing.length === 0) {
      const width = Math.max(...this.seen.slice(first, last + 1).map((r) => r.cells.length));
      return { state: 'mapped', headerFirstLine: firstLine, headerLine: line, headers, map, pending: this.seen.slice(last + 1), width };
    }
    const looksLike = this.otherKind();
    return { state: 'needs-mapping', headerFirstLine: firstLine, headerLine: line, headers, missing: map.missing, looksLike, pending: this.seen.slice(last + 1), ...this.advice(map, headers, looksLike) };
  }

  /** What to tell the user: where the file belongs, what to give, or which columns to map (and how). */
  private advice(map: ColumnMap, headers: string[], looksLike: TableKind | null): { message: string; messageEn: string } {
    const file = this.opts.sheet ? `${this.opts.file}[${this.opts.sheet}]` : this.opts.file;
    if (looksLike) return both(lookLikeKey(looksLike), { file });
    const missing = map.missing;
    if (missing.every((m) => m === 'township' || m === 'village')) return both('import.needs-place', { file });
    if (missing.includes('direction')) {
      const amount = headers[map.byField.amount ?? -1] ?? '';
      return both('import.needs-direction', { file, amount, headers: headers.filter(Boolean).join(' | ') });
    }
    const hints = suggestMapping(missing, headers, map);
    const generic = both('import.map-example');
    const advice = hints.length ? hints.map((h) => `--map ${fieldLabel(h.field)}=${h.column}`).join(' ') : generic.message;
    const adviceEn = hints.length ? hints.map((h) => `--map ${h.field}=${h.column}`).join(' ') : generic.messageEn;
    return both('import.needs-mapping', {
      file,
      missing: listBi(missing.map((f) => fieldLabel(f))).zh,
      missingEn: listBi(missing.map((f) => fieldLabel(f, 'en'))).en,
      headers: headers.filter(Boolean).join(' | '),
      advice,
      adviceEn,
    });
  }

  /** Another kind whose header these rows hold in full: the file was picked as the wrong kind. */
  private otherKind(): TableKind | null {
    for (const kind of KINDS) {
      if (kind === this.opts.kind) continue;
      const span = bestHeaderSpan(kind, this.texts, 0, this.texts.length - 1);
      if (!span || span.score < HEADER_MIN_SCORE) continue;
      if (mapColumns(span.headers, { kind }).missing.length === 0) return kind;
    }
    return null;
  }

  private noHeader(): HeaderState {
    const firstIdx = this.seen.findIndex((r) => r.cells.some((c) => cellText(c).trim() !== ''));
    const first = firstIdx >= 0 ? this.seen[firstIdx] : undefined;
    const headers = first ? first.cells.map((c) => normaliseHeader(cellText(c))) : [];
    // Try the first non-empty row as header, so the user is told exactly what is missing.
    if (first) {
      const attempt = this.resolve(firstIdx, firstIdx, headers);
      if (attempt.state === 'needs-mapping') return attempt;
      if (this.opts.map && Object.keys(this.opts.map).length > 0) return attempt;
    }
    const looksLike = this.otherKind();
    const file = this.opts.sheet ? `${this.opts.file}[${this.opts.sheet}]` : this.opts.file;
    const m = looksLike ? both(lookLikeKey(looksLike), { file }) : both('import.no-header', { file, rows: HEADER_SCAN_ROWS, headers: headers.filter(Boolean).join(' | ') });
    return { state: 'needs-mapping', headerFirstLine: null, headerLine: null, headers, missing: [], looksLike, pending: [], ...m };
  }
}
