// One row of the village officers' roster (村干部名册): 乡镇, 村, 姓名, 职务, 任职起, 任职止
// (blank = still in office).
import type { RowError } from '../contract';
import type { ColumnMap } from './header';
import { isBlankRow, isSubtotalText, firstText, type RowOutcome } from './ledger-row';
import { splitPlace } from './place';
import { requiredError, rowError, type RowContext } from './row-errors';
import type { Cell } from './table';
import { dateCell, textCell } from './values';

export interface CadreRecord {
  line: number;
  township: string;
  village: string;
  name: string;
  post: string;
  termStart: string;
  termEnd: string | null;
}

type CadreColumn = 'township' | 'village' | 'name' | 'post' | 'termStart' | 'termEnd';

export class CadreRowMapper {
  constructor(private readonly opts: { map: ColumnMap }) {}

  map(cells: Cell[], ctx: RowContext): RowOutcome<CadreRecord> {
    if (isBlankRow(cells)) return { kind: 'blank' };
    if (isSubtotalText(firstText(cells))) return { kind: 'subtotal' };
    const f = this.opts.map.byField as Partial<Record<CadreColumn, number>>;
    const get = (k: CadreColumn): Cell => { const i = f[k]; return i === undefined ? null : (cells[i] ?? null); };
    const errors: RowError[] = [];
    const required = (k: CadreColumn): string => {
      const v = textCell(get(k));
      if (!v) errors.push(requiredError(ctx, f[k] ?? 0, k));
      return v;
    };
    const date = (k: CadreColumn, optional: boolean): string | null => {
      const raw = textCell(get(k));
      if (raw === '') {
        if (!optional) errors.push(rowError(ctx, f[k] ?? 0, k, 'row.date.missing', 'YYYY-MM-DD', ''));
        return null;
      }
      const d = dateCell(get(k));
      if (!d) errors.push(rowError(ctx, f[k] ?? 0, k, 'row.date', 'YYYY-MM-DD', raw));
      return d;
    };
    const township = required('township');
    const village = splitPlace(required('village'), township).village;
    const name = required('name');
    const post = required('post');
    const termStart = date('termStart', false);
    const termEnd = f.termEnd === undefined ? null : date('termEnd', true);
    if (termStart && termEnd && termEnd < termStart) errors.push(rowError(ctx, f.termEnd ?? 0, 'termEnd', 'cadres.term-order', termStart, termEnd));
    if (errors.length > 0 || !termStart) return { kind: 'errors', errors };
    return { kind: 'record', record: { line: ctx.line, township, village, name, post, termStart, termEnd } };
  }
}
