// One ledger row -> a typed ledger line, a subtotal/blank marker, or its errors.
import type { LedgerField, RowError } from '../contract';
import type { ColumnMap } from './header';
import { rowError, type RowContext } from './row-errors';
import type { Cell } from './table';
import { countCell, dateCell, moneyCell, textCell } from './values';

export interface LedgerRecord {
  line: number;
  township: string;
  village: string;
  date: string;
  year: number;
  voucher: string;
  summary: string;
  accountCode: string;
  accountName: string;
  debitFen: number;
  creditFen: number;
  attachments: number | null;
  receiptType: string;
  counterparty: string;
  project: string;
  handler: string;
  approver: string;
}

export type RowOutcome =
  | { kind: 'record'; record: LedgerRecord }
  | { kind: 'subtotal' }
  | { kind: 'blank' }
  | { kind: 'errors'; errors: RowError[] };

// Subtotal and balance rows of accounting-package exports: counted, never imported.
const SUBTOTAL = /^(本月|本年|本期|本季|本日|全年|期间)?(合计|累计|小计|总计|发生额合计)$|^(期初余额|期末余额|上年结转|结转下年|承前页|过次页|月计|年计|上月结转|本年累计发生额)$/;

export function isSubtotalText(s: string): boolean {
  return SUBTOTAL.test(s.replace(/[\s\u3000]/g, ''));
}

export interface LedgerRowOptions {
  map: ColumnMap;
  township?: string;
  village?: string;
}

export function mapLedgerRow(cells: Cell[], ctx: RowContext, opts: LedgerRowOptions): RowOutcome {
  const f = opts.map.byField;
  const get = (field: LedgerField): Cell => {
    const i = f[field];
    return i === undefined ? null : (cells[i] ?? null);
  };
  const text = (field: LedgerField): string => textCell(get(field));

  let blank = true;
  for (const c of cells) {
    if (c !== null && c !== '' && !(typeof c === 'string' && c.trim() === '')) {
      blank = false;
      break;
    }
  }
  if (blank) return { kind: 'blank' };

  const summary = text('summary');
  const firstCell = textCell(cells.find((c) => textCell(c) !== '') ?? null);
  if (isSubtotalText(summary) || isSubtotalText(firstCell)) return { kind: 'subtotal' };

  const errors: RowError[] = [];
  const col = (field: LedgerField): number => f[field] ?? 0;

  const rawDate = get('date');
  const date = dateCell(rawDate);
  if (!date) {
    const found = textCell(rawDate);
    errors.push(rowError(ctx, col('date'), 'date', found === '' ? 'row.date.missing' : 'row.date', 'YYYY-MM-DD', found));
  }

  let voucher = text('voucher');
  const word = text('voucherWord');
  if (word && voucher && !voucher.startsWith(word)) voucher = `${word}-${voucher}`;
  if (!voucher) errors.push(rowError(ctx, col('voucher'), 'voucher', 'row.voucher.missing', '记-15', ''));

  const money = (field: 'debit' | 'credit'): number => {
    const raw = get(field);
    const r = moneyCell(raw);
    if (r.ok) return r.fen;
    errors.push(rowError(ctx, col(field), field, `row.money.${r.reason}`, '1234.50', textCell(raw)));
    return 0;
  };
  const debitFen = money('debit');
  const creditFen = money('credit');

  let attachments: number | null = null;
  if (f.attachments !== undefined) {
    const a = countCell(get('attachments'));
    if (a === 'invalid') errors.push(rowError(ctx, col('attachments'), 'attachments', 'row.count', '0', text('attachments')));
    else attachments = a;
  }

  const township = f.township !== undefined ? text('township') : (opts.township ?? '');
  const village = f.village !== undefined ? text('village') : (opts.village ?? '');
  if (!township) errors.push(rowError(ctx, col('township'), 'township', 'row.required', '', '', { field: '乡镇', fieldEn: 'township' }));
  if (!village) errors.push(rowError(ctx, col('village'), 'village', 'row.required', '', '', { field: '村', fieldEn: 'village' }));

  if (errors.length > 0) return { kind: 'errors', errors };
  return {
    kind: 'record',
    record: {
      line: ctx.line,
      township,
      village,
      date: date as string,
      year: Number((date as string).slice(0, 4)),
      voucher,
      summary,
      accountCode: text('accountCode'),
      accountName: text('accountName'),
      debitFen,
      creditFen,
      attachments,
      receiptType: text('receiptType'),
      counterparty: text('counterparty'),
      project: text('project'),
      handler: text('handler'),
      approver: text('approver'),
    },
  };
}
