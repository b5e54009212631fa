// Finding the header among title lines, reading a header that spans two or three rows (merged
// cells: 凭证 over 字/号, 科目 over 编码/名称, 金额 over 借方/贷方), and matching its columns to fields.
import type { ColumnMatch, FieldId, TableKind } from '../contract';
import { listBi } from '../i18n/messages';
import { fieldLabel, fieldsFor, normaliseHeader, type FieldSpec } from './fields';
import { MappingError } from './table';

/** Exports put the account set's name, the period and 单位：元 above the header. */
export const HEADER_SCAN_ROWS = 30;
/** A header spans at most this many rows. */
export const MAX_HEADER_ROWS = 3;
/** A row (or span of rows) with this many known header names is a header. */
export const HEADER_MIN_SCORE = 3;

export interface ColumnMap {
  matches: ColumnMatch[];
  byField: Partial<Record<FieldId, number>>;
  missing: FieldId[];
}

export { MappingError } from './table';

const aliasIndex = new Map<TableKind, Map<string, FieldSpec[]>>();

/** alias -> the specs it names (main aliases and fallbacks alike), per kind. */
function aliasesOf(kind: TableKind): Map<string, FieldSpec[]> {
  let m = aliasIndex.get(kind);
  if (!m) {
    m = new Map();
    for (const spec of fieldsFor(kind)) {
      for (const a of [...spec.aliases, ...(spec.fallbackAliases ?? [])]) m.set(a, [...(m.get(a) ?? []), spec]);
    }
    aliasIndex.set(kind, m);
  }
  return m;
}

export function isKnownHeader(kind: TableKind, normalised: string): boolean {
  return normalised !== '' && aliasesOf(kind).has(normalised);
}

/** How many cells of a row are known header names. */
export function headerScore(kind: TableKind, cells: string[]): number {
  let n = 0;
  for (const c of cells) if (isKnownHeader(kind, normaliseHeader(c))) n++;
  return n;
}

/**
 * The column names of a header spanning `rows` (top to bottom). A horizontally merged cell has its
 * text in its first column only, so an upper row's blank is filled from the left where a row below
 * names that column; a vertically merged cell has its text in the top row only, so a column blank
 * at the bottom is named by the nearest text above it. Per column the name is the first that is a
 * known header of any length from the bottom up (凭证+号 = 凭证号, then 号), else the bottom text.
 */
export function combineHeader(kind: TableKind, rows: string[][]): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const orig = rows.map((r) => Array.from({ length: width }, (_, i) => normaliseHeader(r[i] ?? '')));
  if (orig.length === 1) return orig[0] as string[];
  const filled = orig.map((r, ri) => {
    if (ri === orig.length - 1) return r;
    const out = [...r];
    for (let i = 1; i < width; i++) {
      const below = orig.slice(ri + 1).some((x) => x[i] !== '');
      if (out[i] === '' && below) out[i] = out[i - 1] as string;
    }
    return out;
  });
  const names: string[] = [];
  for (let i = 0; i < width; i++) {
    const col = filled.map((r) => r[i] as string);
    const bottom = col[col.length - 1] as string;
    if (bottom === '') {
      // Vertically merged: the nearest text above, as written (not a value filled from the left).
      const above = [...orig].reverse().map((r) => r[i] as string).find((s) => s !== '') ?? '';
      names.push(above);
      continue;
    }
    let name = bottom;
    for (let from = 0; from < col.length; from++) {
      const parts = col.slice(from).filter((s, k, a) => s !== '' && s !== a[k - 1]);
      const joined = parts.join('');
      if (isKnownHeader(kind, joined)) { name = joined; break; }
    }
    names.push(name);
  }
  return names;
}

export interface HeaderSpan {
  /** Index of the span's first and last row among the rows looked at. */
  first: number;
  last: number;
  headers: string[];
  score: number;
}

/**
 * The best header among `rows` whose last row lies in [fromLast, toLast]: the most known names;
 * on a tie the span that ends first, then the shortest (a title line above adds nothing).
 */
export function bestHeaderSpan(kind: TableKind, rows: string[][], fromLast: number, toLast: number, extraHits: (headers: string[]) => number = () => 0): HeaderSpan | null {
  let best: HeaderSpan | null = null;
  for (let last = fromLast; last <= Math.min(toLast, rows.length - 1); last++) {
    for (let first = last; first >= Math.max(0, last - MAX_HEADER_ROWS + 1); first--) {
      const headers = combineHeader(kind, rows.slice(first, last + 1));
      const score = headers.filter((h) => isKnownHeader(kind, h)).length + extraHits(headers);
      if (!best || score > best.score) best = { first, last, headers, score };
    }
  }
  return best;
}

/** Resolves a `--map` key: a field id, its Chinese label, or any alias. */
export function resolveFieldKey(kind: TableKind, key: string): FieldSpec | undefined {
  const k = normaliseHeader(key);
  const specs = fieldsFor(kind);
  return specs.find((s) => s.id === k) ?? specs.find((s) => fieldLabel(s.id) === k) ?? specs.find((s) => s.aliases.includes(k));
}

export interface MapOptions {
  kind: TableKind;
  /** Field -> column header; '' means the file has no such column (a wrong automatic match undone). */
  map?: Record<string, string>;
  /** Fields given by the caller for every row (township, village). */
  provided?: FieldId[];
}

export function mapColumns(headerCells: string[], opts: MapOptions): ColumnMap {
  const headers = headerCells.map(normaliseHeader);
  const specs = fieldsFor(opts.kind);
  const byField: Partial<Record<FieldId, number>> = {};
  const taken = new Map<number, FieldId>();
  const unmapped = new Set<FieldId>();

  for (const [key, column] of Object.entries(opts.map ?? {})) {
    const spec = resolveFieldKey(opts.kind, key);
    if (!spec) {
      throw new MappingError('import.bad-map', { key, fields: listBi(specs.map((s) => `${fieldLabel(s.id)}(${s.id})`)) });
    }
    if (normaliseHeader(column) === '') {
      unmapped.add(spec.id);
      continue;
    }
    const idx = headers.indexOf(normaliseHeader(column));
    if (idx < 0) {
      throw new MappingError('import.bad-map-column', { key, column });
    }
    const other = taken.get(idx);
    if (other !== undefined && other !== spec.id) {
      // One column can hold one field: 借方金额 and 贷方金额 both mapped to 金额 would import every amount twice over.
      throw new MappingError('import.map-same-column', { column, a: fieldLabel(other), b: fieldLabel(spec.id), aEn: fieldLabel(other, 'en'), bEn: fieldLabel(spec.id, 'en') });
    }
    byField[spec.id] = idx;
    taken.set(idx, spec.id);
  }

  // Main aliases first, in the spec's order of preference; then fallbacks for what is still missing.
  for (const useFallback of [false, true]) {
    for (const spec of specs) {
      if (byField[spec.id] !== undefined || unmapped.has(spec.id)) continue;
      for (const alias of useFallback ? (spec.fallbackAliases ?? []) : spec.aliases) {
        const idx = headers.findIndex((h, i) => h === alias && !taken.has(i));
        if (idx >= 0) {
          byField[spec.id] = idx;
          taken.set(idx, spec.id);
          break;
        }
      }
    }
  }

  const provided = new Set(opts.provided ?? []);
  const missing = specs.filter((s) => s.required && byField[s.id] === undefined && !provided.has(s.id)).map((s) => s.id);
  if (opts.kind === 'ledger') {
    // One amount and its direction (借/贷) stand for the debit and credit columns.
    const oneAmount = byField.debit === undefined && byField.credit === undefined && byField.amount !== undefined;
    if (oneAmount) {
      missing.splice(0, missing.length, ...missing.filter((f) => f !== 'debit' && f !== 'credit'));
      if (byField.direction === undefined) missing.push('direction');
    }
    // A ledger needs the account by code or by name.
    if (byField.accountCode === undefined && byField.accountName === undefined) missing.push('accountName');
  }

  const matches: ColumnMatch[] = Object.entries(byField).map(([field, column]) => ({
    field: field as FieldId,
    column: column as number,
    header: headers[column as number] ?? '',
  }));
  matches.sort((a, b) => a.column - b.column);
  return { matches, byField, missing };
}

/** Words that hint at a field in a header no alias matches (凭证编码 is likely the voucher number). */
/* eslint-disable no-restricted-syntax -- header words are data, matched against the file's headers */
const HINTS: Partial<Record<FieldId, string[]>> = {
  date: ['日期', '时间'], voucher: ['凭证', '字号', '编号'], summary: ['摘要', '说明', '事由', '内容'], debit: ['借'], credit: ['贷'],
  accountName: ['科目'], accountCode: ['科目'], township: ['乡', '镇', '街道'], village: ['村', '社区', '单位'], direction: ['方向', '借贷'],
  amount: ['金额', '发生'], projectCode: ['项目'], projectName: ['名称'], contractAmount: ['合同'], contractQty: ['工程量'], acceptedQty: ['验收'],
  name: ['姓名'], post: ['职务'], termStart: ['任职', '起'],
};
/* eslint-enable no-restricted-syntax */

/**
 * `--map` advice that would work: for each missing field, an unmatched column whose name hints at
 * it; never one column for two fields, and never the debit and the credit from one amount column.
 */
export function suggestMapping(missing: FieldId[], headers: string[], map: ColumnMap): { field: FieldId; column: string }[] {
  const used = new Set(map.matches.map((m) => m.column));
  const out: { field: FieldId; column: string }[] = [];
  for (const field of missing) {
    const hints = HINTS[field] ?? [];
    const idx = headers.findIndex((h, i) => h !== '' && !used.has(i) && hints.some((w) => normaliseHeader(h).includes(w)));
    if (idx < 0) continue;
    used.add(idx);
    out.push({ field, column: headers[idx] as string });
  }
  return out;
}
