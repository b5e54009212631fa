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

// Every subtotal word has one of these characters: most rows are rejected without a regex.
const SUBTOTAL_CHARS = /[计余结页]/;

export function isSubtotalText(s: string): boolean {
  return SUBTOTAL_CHARS.test(s) && SUBTOTAL.test(s.replace(/[\s\u3000]/g, ''));
}

export interface LedgerRowOptions {
  map: ColumnMap;
  township?: string;
  village?: string;
}

// Column positions resolved once per file, not per row (a million rows make closures count).
interface Compiled {
  township: number; village: number; date: number; voucherWord: number; voucher: number; summary: number; accountCode: number;
  accountName: number; debit: number; credit: number; attachments: number; receiptType: number; counterparty: number; project: number;
  handler: number; approver: number;
}
const compiled = new WeakMap<ColumnMap, Compiled>();

function compile(map: ColumnMap): Compiled {
  let c = compiled.get(map);
  if (!c) {
    const f = map.byField;
    const at = (k: LedgerField): number => f[k] ?? -1;
    c = {
      township: at('township'), village: at('village'), date: at('date'), voucherWord: at('voucherWord'), voucher: at('voucher'),
      summary: at('summary'), accountCode: at('accountCode'), accountName: at('accountName'), debit: at('debit'), credit: at('credit'),
      attachments: at('attachments'), receiptType: at('receiptType'), counterparty: at('counterparty'), project: at('project'),
      handler: at('handler'), approver: at('approver'),
    };
    compiled.set(map, c);
  }
  return c;
}

function cellAt(cells: Cell[], i: number): Cell {
  return i < 0 ? null : (cells[i] ?? null);
}

function textAt(cells: Cell[], i: number): string {
  if (i < 0) return '';
  const c = cells[i];
  if (typeof c === 'string') return c.trim();
  return textCell(c ?? null);
}

function isBlankRow(cells: Cell[]): boolean {
  for (const c of cells) {
    if (c !== null && c !== '' && !(typeof c === 'string' && c.trim() === '')) return false;
  }
  return true;
}

export function mapLedgerRow(cells: Cell[], ctx: RowContext, opts: LedgerRowOptions): RowOutcome {
  const c = compile(opts.map);
  if (isBlankRow(cells)) return { kind: 'blank' };

  const summary = textAt(cells, c.summary);
  if (isSubtotalText(summary)) return { kind: 'subtotal' };
  const first = cells[0];
  const firstCell = typeof first === 'string' && first !== '' ? first : textCell(cells.find((x) => textCell(x) !== '') ?? null);
  if (isSubtotalText(firstCell)) return { kind: 'subtotal' };

  const errors: RowError[] = [];

  const rawDate = cellAt(cells, c.date);
  const date = dateCell(rawDate);
  if (!date) {
    const found = textCell(rawDate);
    errors.push(rowError(ctx, Math.max(c.date, 0), 'date', found === '' ? 'row.date.missing' : 'row.date', 'YYYY-MM-DD', found));
  }

  let voucher = textAt(cells, c.voucher);
  const word = textAt(cells, c.voucherWord);
  if (word && voucher && !voucher.startsWith(word)) voucher = `${word}-${voucher}`;
  if (!voucher) errors.push(rowError(ctx, Math.max(c.voucher, 0), 'voucher', 'row.voucher.missing', '记-15', ''));

  const rawDebit = cellAt(cells, c.debit);
  const debit = moneyCell(rawDebit);
  if (!debit.ok) errors.push(rowError(ctx, Math.max(c.debit, 0), 'debit', `row.money.${debit.reason}`, '1234.50', textCell(rawDebit)));
  const rawCredit = cellAt(cells, c.credit);
  const credit = moneyCell(rawCredit);
  if (!credit.ok) errors.push(rowError(ctx, Math.max(c.credit, 0), 'credit', `row.money.${credit.reason}`, '1234.50', textCell(rawCredit)));

  let attachments: number | null = null;
  if (c.attachments >= 0) {
    const a = countCell(cellAt(cells, c.attachments));
    if (a === 'invalid') errors.push(rowError(ctx, c.attachments, 'attachments', 'row.count', '0', textAt(cells, c.attachments)));
    else attachments = a;
  }

  const township = c.township >= 0 ? textAt(cells, c.township) : (opts.township ?? '');
  const village = c.village >= 0 ? textAt(cells, c.village) : (opts.village ?? '');
  if (!township) errors.push(rowError(ctx, Math.max(c.township, 0), 'township', 'row.required', '', '', { field: '乡镇', fieldEn: 'township' }));
  if (!village) errors.push(rowError(ctx, Math.max(c.village, 0), 'village', 'row.required', '', '', { field: '村', fieldEn: 'village' }));

  if (errors.length > 0 || !date || !debit.ok || !credit.ok) return { kind: 'errors', errors };
  return {
    kind: 'record',
    record: {
      line: ctx.line,
      township,
      village,
      date,
      year: Number(date.slice(0, 4)),
      voucher,
      summary,
      accountCode: textAt(cells, c.accountCode),
      accountName: textAt(cells, c.accountName),
      debitFen: debit.fen,
      creditFen: credit.fen,
      attachments,
      receiptType: textAt(cells, c.receiptType),
      counterparty: textAt(cells, c.counterparty),
      project: textAt(cells, c.project),
      handler: textAt(cells, c.handler),
      approver: textAt(cells, c.approver),
    },
  };
}
