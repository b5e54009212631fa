// One row of the project file (contracts, acceptance and site measurement).
import type { ProjectField, RowError } from '../contract';
import type { ColumnMap } from './header';
import { requiredError, rowError, type RowContext } from './row-errors';
import type { Cell } from './table';
import { dateCell, halfWidth, moneyCell, textCell } from './values';
import { isBlankRow, isSubtotalText, type RowOutcome } from './ledger-row';
import { splitPlace } from './place';

export interface ProjectRecord {
  line: number;
  code: string;
  township: string;
  village: string;
  name: string;
  contractor: string;
  contractFen: number;
  contractQty: string;
  unit: string;
  acceptedQty: string;
  measuredQty: string | null;
  acceptedDate: string | null;
}

export type ProjectOutcome = RowOutcome<ProjectRecord>;

const QTY = /^\d+(\.\d+)?$/;

/** Stateless: a project row needs nothing of the rows before it. */
export class ProjectRowMapper {
  constructor(private readonly opts: { map: ColumnMap; township?: string; village?: string }) {}
  map(cells: Cell[], ctx: RowContext): ProjectOutcome {
    return mapProjectRow(cells, ctx, this.opts);
  }
}

export function mapProjectRow(cells: Cell[], ctx: RowContext, opts: { map: ColumnMap; township?: string; village?: string }): ProjectOutcome {
  const f = opts.map.byField;
  const get = (field: ProjectField): Cell => {
    const i = f[field];
    return i === undefined ? null : (cells[i] ?? null);
  };
  const text = (field: ProjectField): string => textCell(get(field));
  const col = (field: ProjectField): number => f[field] ?? 0;
  if (isBlankRow(cells)) return { kind: 'blank' };
  if (isSubtotalText(text('projectCode')) || isSubtotalText(textCell(cells[0] ?? null))) return { kind: 'subtotal' };

  const errors: RowError[] = [];
  const required = (field: ProjectField): string => {
    const v = text(field);
    if (!v) errors.push(requiredError(ctx, col(field), field));
    return v;
  };
  const qty = (field: ProjectField, optional: boolean): string | null => {
    const v = halfWidth(text(field)).replace(/[,，\s]/g, '');
    if (v === '') {
      if (!optional) errors.push(rowError(ctx, col(field), field, 'row.quantity', '2000', ''));
      return null;
    }
    if (!QTY.test(v)) {
      errors.push(rowError(ctx, col(field), field, 'row.quantity', '2000', v));
      return null;
    }
    return v;
  };

  const code = required('projectCode');
  const township = f.township !== undefined ? required('township') : (opts.township ?? '');
  const village = splitPlace(f.village !== undefined ? required('village') : (opts.village ?? ''), township).village;
  const name = required('projectName');
  const m = moneyCell(get('contractAmount'));
  if (!m.ok) errors.push(rowError(ctx, col('contractAmount'), 'contractAmount', `row.money.${m.reason}`, '462000.00', text('contractAmount')));
  const contractQty = qty('contractQty', false);
  const acceptedQty = qty('acceptedQty', false);
  const measuredQty = f.measuredQty !== undefined ? qty('measuredQty', true) : null;
  let acceptedDate: string | null = null;
  if (f.acceptedDate !== undefined && text('acceptedDate') !== '') {
    acceptedDate = dateCell(get('acceptedDate'));
    if (!acceptedDate) errors.push(rowError(ctx, col('acceptedDate'), 'acceptedDate', 'row.date', 'YYYY-MM-DD', text('acceptedDate')));
  }
  if (errors.length > 0) return { kind: 'errors', errors };
  return {
    kind: 'record',
    record: {
      line: ctx.line,
      code,
      township,
      village,
      name,
      contractor: text('contractor'),
      contractFen: m.ok ? m.fen : 0,
      contractQty: contractQty as string,
      unit: text('unit'),
      acceptedQty: acceptedQty as string,
      measuredQty,
      acceptedDate,
    },
  };
}
