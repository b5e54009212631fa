// Finding the header row among title lines, and matching its columns to fields.
import type { ColumnMatch, FieldId } from '../contract';
import { both } from '../i18n/messages';
import { fieldsFor, normaliseHeader, type FieldSpec, type TableKind } from './fields';

/** Exports put the account set's name, the period and 单位：元 above the header. */
export const HEADER_SCAN_ROWS = 30;

export interface ColumnMap {
  matches: ColumnMatch[];
  byField: Partial<Record<FieldId, number>>;
  missing: FieldId[];
}

export class MappingError extends Error {
  constructor(readonly messageZh: string, readonly messageEn: string) {
    super(messageZh);
  }
}

function matchesAlias(spec: FieldSpec, header: string, useFallback: boolean): boolean {
  return spec.aliases.includes(header) || (useFallback && (spec.fallbackAliases ?? []).includes(header));
}

/** How many cells of a row are known header names: the header row is the first with 3 or more. */
export function headerScore(kind: TableKind, cells: string[]): number {
  const specs = fieldsFor(kind);
  let n = 0;
  for (const c of cells) {
    const h = normaliseHeader(c);
    if (h && specs.some((s) => matchesAlias(s, h, true))) n++;
  }
  return n;
}

/** Resolves a `--map` key: a field id, its Chinese label, or any alias. */
export function resolveFieldKey(kind: TableKind, key: string): FieldSpec | undefined {
  const k = normaliseHeader(key);
  const specs = fieldsFor(kind);
  return specs.find((s) => s.id === k) ?? specs.find((s) => s.zh === k) ?? specs.find((s) => s.aliases.includes(k));
}

export interface MapOptions {
  kind: TableKind;
  map?: Record<string, string>;
  /** Fields given by the caller for every row (township, village). */
  provided?: FieldId[];
}

export function mapColumns(headerCells: string[], opts: MapOptions): ColumnMap {
  const headers = headerCells.map(normaliseHeader);
  const specs = fieldsFor(opts.kind);
  const byField: Partial<Record<FieldId, number>> = {};
  const taken = new Set<number>();

  for (const [key, column] of Object.entries(opts.map ?? {})) {
    const spec = resolveFieldKey(opts.kind, key);
    if (!spec) {
      const m = both('import.bad-map', { key, fields: specs.map((s) => `${s.zh}(${s.id})`).join('、') });
      throw new MappingError(m.message, m.messageEn);
    }
    const idx = headers.indexOf(normaliseHeader(column));
    if (idx < 0) {
      const m = both('import.bad-map-column', { key, column });
      throw new MappingError(m.message, m.messageEn);
    }
    byField[spec.id] = idx;
    taken.add(idx);
  }

  // Main aliases first, in the spec's order of preference; then fallbacks for what is still missing.
  for (const useFallback of [false, true]) {
    for (const spec of specs) {
      if (byField[spec.id] !== undefined) continue;
      for (const alias of useFallback ? (spec.fallbackAliases ?? []) : spec.aliases) {
        const idx = headers.findIndex((h, i) => h === alias && !taken.has(i));
        if (idx >= 0) {
          byField[spec.id] = idx;
          taken.add(idx);
          break;
        }
      }
    }
  }

  const provided = new Set(opts.provided ?? []);
  const missing = specs.filter((s) => s.required && byField[s.id] === undefined && !provided.has(s.id)).map((s) => s.id);
  // A ledger needs the account by code or by name.
  if (opts.kind === 'ledger' && byField.accountCode === undefined && byField.accountName === undefined) missing.push('accountName');

  const matches: ColumnMatch[] = Object.entries(byField).map(([field, column]) => ({
    field: field as FieldId,
    column: column as number,
    header: headers[column as number] ?? '',
  }));
  matches.sort((a, b) => a.column - b.column);
  return { matches, byField, missing };
}
