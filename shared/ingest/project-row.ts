// One row of the project file (contracts, acceptance and site measurement).
import type { ProjectField, RowError } from '../contract';
import type { ColumnMap } from './header';
import { rowError, type RowContext } from './row-errors';
import type { Cell } from './table';
import { dateCell, moneyCell, textCell } from './values';
import { isSubtotalText } from './ledger-row';

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

export type ProjectOutcome = { kind: 'record'; record: ProjectRecord } | { kind: 'subtotal' } | { kind: 'blank' } | { kind: 'errors'; errors: RowError[] };

const QTY = /^\d+(\.\d+)?$/;

export function mapProjectRow(cells: Cell[], ctx: RowContext, opts: { map: ColumnMap; township?: string; village?: string }): ProjectOutcome {
  const f = opts.map.byField;
  const get = (field: ProjectField): Cell => {
    const i = f[field];
    return i === undefined ? null : (cells[i] ?? null);
  };
  const text = (field: ProjectField): string => textCell(get(field));
  const col = (field: ProjectField): number => f[field] ?? 0;
  if (cells.every((c) => textCell(c) === '')) return { kind: 'blank' };
  if (isSubtotalText(text('projectCode')) || isSubtotalText(textCell(cells[0] ?? null))) return { kind: 'subtotal' };

  const errors: RowError[] = [];
  const required = (field: ProjectField, zh: string, en: string): string => {
    const v = text(field);
    if (!v) errors.push(rowError(ctx, col(field), field, 'row.required', '', '', { field: zh, fieldEn: en }));
    return v;
  };
  const qty = (field: ProjectField, optional: boolean): string | null => {
    const v = text(field).replace(/[,，\s]/g, '');
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

  const code = required('projectCode', '项目编号', 'project code');
  const township = f.township !== undefined ? required('township', '乡镇', 'township') : (opts.township ?? '');
  const village = f.village !== undefined ? required('village', '村', 'village') : (opts.village ?? '');
  const name = required('projectName', '项目名称', 'project name');
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
