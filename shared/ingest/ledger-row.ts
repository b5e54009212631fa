// One ledger row -> a typed ledger line, a subtotal/blank marker, or its errors. A mapper lives for
// one table (a file or a sheet): continuation lines take their voucher's date and number from the
// line above, which only the table's reader can know.
import type { LedgerField, RowError } from '../contract';
import { zh } from '../i18n/messages';
import type { ColumnMap } from './header';
import { splitPlace, type Place } from './place';
import { requiredError, rowError, type RowContext } from './row-errors';
import type { Cell } from './table';
import { countCell, dateCell, halfWidth, moneyValue, textCell } from './values';

export interface LedgerRecord {
  line: number;
  township: string;
  village: string;
  /** The accounting entity the file names (赵湾村经济合作社), or ''. */
  entity: string;
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
  invoice: string;
  counterparty: string;
  project: string;
  handler: string;
  approver: string;
  preparer: string;
  checker: string;
  bookkeeper: string;
}

export type RowOutcome<R> =
  | { kind: 'record'; record: R }
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

export function isBlankRow(cells: Cell[]): boolean {
  for (const c of cells) {
    if (c !== null && c !== undefined && c !== '' && !(typeof c === 'string' && c.trim() === '')) return false;
  }
  return true;
}

/** The first non-empty cell's text: where exports write 合计 when the summary column is elsewhere. */
export function firstText(cells: Cell[]): string {
  const first = cells[0];
  if (typeof first === 'string' && first !== '') return first;
  for (const c of cells) {
    const s = textCell(c ?? null);
    if (s !== '') return s;
  }
  return '';
}

export interface LedgerRowOptions {
  map: ColumnMap;
  township?: string;
  village?: string;
  /**
   * Hand out one record object, refilled for every row: for callers that consume a record before
   * asking for the next (the encoders), so a million rows allocate no million objects.
   */
  reuse?: boolean;
}

const FIELDS = [
  'township', 'village', 'entity', 'date', 'voucherWord', 'voucher', 'summary', 'accountCode', 'accountName', 'debit', 'credit', 'amount',
  'direction', 'attachments', 'receiptType', 'invoice', 'counterparty', 'project', 'handler', 'approver', 'preparer', 'checker', 'bookkeeper',
] as const satisfies readonly LedgerField[];
type Columns = Record<(typeof FIELDS)[number], number>;

/** `5410102 管理费用/招待费`, `[10201]农商银行`: an account code and its name (or path) in one cell. */
const CODE_AND_NAME = /^[[【(（]?\s*(\d{3,})\s*[\]】)）]?\s*[-—:：]?\s*(\S.*)$/;

/** The direction column of a one-amount export: 借 / 贷 and their spellings. */
/* eslint-disable no-restricted-syntax -- direction words are data, as exports write them */
function directionOf(s: string): 'debit' | 'credit' | null {
  const v = halfWidth(s).trim().toLowerCase();
  if (v === '借' || v === '借方' || v === 'dr' || v === 'd' || v === 'debit' || v === '+') return 'debit';
  if (v === '贷' || v === '贷方' || v === 'cr' || v === 'c' || v === 'credit' || v === '-') return 'credit';
  return null;
}
/* eslint-enable no-restricted-syntax */

export class LedgerRowMapper {
  private readonly c: Columns;
  /** A one-amount export: 金额 with 方向 instead of 借方 and 贷方 columns. */
  private readonly byDirection: boolean;
  /** The voucher being read, for continuation lines that leave date and number blank ('' voucher: none). */
  private readonly current: { voucher: string; word: string; dateCell: Cell } = { voucher: '', word: '', dateCell: null };
  /** Rows whose date and voucher number came from the line above. */
  filledDown = 0;

  constructor(private readonly opts: LedgerRowOptions) {
    const f = opts.map.byField;
    this.c = Object.fromEntries(FIELDS.map((k) => [k, f[k] ?? -1])) as Columns;
    this.byDirection = this.c.debit < 0 && this.c.credit < 0 && this.c.amount >= 0 && this.c.direction >= 0;
  }

  private lastPlace = { text: '', township: '', place: { village: '', entity: '' } };

  /** A file holds a few places on a million lines: split each once. */
  private place(text: string, township: string): Place {
    const l = this.lastPlace;
    if (l.text !== text || l.township !== township) {
      l.text = text;
      l.township = township;
      l.place = splitPlace(text, township);
    }
    return l.place;
  }

  private text(cells: Cell[], i: number): string {
    if (i < 0) return '';
    const v = cells[i];
    if (typeof v === 'string') return v.length > 0 && v.charCodeAt(0) === 61 ? textCell(v) : v.trim();
    return textCell(v ?? null);
  }

  /** The outcome and record handed out last, refilled for the next row when the caller does not keep them (reuse). */
  private readonly out: { kind: 'record'; record: LedgerRecord } = { kind: 'record', record: emptyRecord() };

  map(cells: Cell[], ctx: RowContext): RowOutcome<LedgerRecord> {
    const c = this.c;
    if (isBlankRow(cells)) {
      this.current.voucher = '';
      return BLANK;
    }
    const summary = this.text(cells, c.summary);
    if (isSubtotalText(summary) || isSubtotalText(firstText(cells))) {
      this.current.voucher = '';
      return SUBTOTAL_ROW;
    }

    // Allocated only for a row with an error: a million good rows make no garbage here.
    let errors: RowError[] | null = null;
    const fail = (e: RowError): void => { (errors ??= []).push(e); };
    const cur = this.current;
    let voucher = this.text(cells, c.voucher);
    let word = this.text(cells, c.voucherWord);
    let rawDate: Cell = c.date < 0 ? null : (cells[c.date] ?? null);
    const dateBlank = rawDate === null || rawDate === '' || (typeof rawDate === 'string' && rawDate.trim() === '');
    // A continuation line: exports that write a voucher's date and number on its first line only.
    if (cur.voucher !== '' && dateBlank && voucher === '') {
      voucher = cur.voucher;
      word = cur.word;
      rawDate = cur.dateCell;
      this.filledDown++;
    } else if (cur.voucher !== '' && dateBlank && voucher === cur.voucher && word === cur.word) {
      rawDate = cur.dateCell;
      this.filledDown++;
    }
    const date = dateCell(rawDate);
    if (!date) {
      const found = textCell(rawDate);
      fail(rowError(ctx, Math.max(c.date, 0), 'date', found === '' ? 'row.date.missing' : 'row.date', 'YYYY-MM-DD', found));
    }
    if (!voucher) fail(rowError(ctx, Math.max(c.voucher, 0), 'voucher', 'row.voucher.missing', zh('row.example.voucher'), ''));
    if (voucher && date) {
      cur.voucher = voucher;
      cur.word = word;
      cur.dateCell = rawDate;
    } else cur.voucher = '';
    let voucherText = halfWidth(voucher);
    if (word && voucherText && !voucherText.startsWith(word)) voucherText = `${halfWidth(word)}-${voucherText}`;

    let debitFen = 0;
    let creditFen = 0;
    if (this.byDirection) {
      const rawAmount = cells[c.amount] ?? null;
      const amount = moneyValue(rawAmount);
      const dirText = this.text(cells, c.direction);
      const dir = directionOf(dirText);
      if (typeof amount === 'string') fail(rowError(ctx, c.amount, 'amount', `row.money.${amount}`, '1234.50', textCell(rawAmount)));
      else if (dir === null && amount !== 0) fail(rowError(ctx, c.direction, 'direction', 'row.direction', zh('row.example.direction'), dirText));
      else if (dir === 'debit') debitFen = amount;
      else if (dir === 'credit') creditFen = amount;
    } else {
      const rawDebit = c.debit < 0 ? null : (cells[c.debit] ?? null);
      const debit = moneyValue(rawDebit);
      if (typeof debit === 'string') fail(rowError(ctx, Math.max(c.debit, 0), 'debit', `row.money.${debit}`, '1234.50', textCell(rawDebit)));
      else debitFen = debit;
      const rawCredit = c.credit < 0 ? null : (cells[c.credit] ?? null);
      const credit = moneyValue(rawCredit);
      if (typeof credit === 'string') fail(rowError(ctx, Math.max(c.credit, 0), 'credit', `row.money.${credit}`, '1234.50', textCell(rawCredit)));
      else creditFen = credit;
    }

    let attachments: number | null = null;
    if (c.attachments >= 0) {
      const a = countCell(cells[c.attachments] ?? null);
      if (a === 'invalid') fail(rowError(ctx, c.attachments, 'attachments', 'row.count', '0', this.text(cells, c.attachments)));
      else attachments = a;
    }

    const township = c.township >= 0 ? this.text(cells, c.township) : (this.opts.township ?? '');
    const placeText = c.village >= 0 ? this.text(cells, c.village) : (this.opts.village ?? '');
    if (!township) fail(requiredError(ctx, Math.max(c.township, 0), 'township'));
    if (!placeText) fail(requiredError(ctx, Math.max(c.village, 0), 'village'));

    if (errors !== null || !date) return { kind: 'errors', errors: errors ?? [] };
    const place = this.place(placeText, township);
    const entity = c.entity >= 0 ? this.text(cells, c.entity) : place.entity;
    let accountCode = this.text(cells, c.accountCode);
    let accountName = this.text(cells, c.accountName);
    // One column for both: `5410102 管理费用/招待费`.
    if (!accountCode && accountName) {
      const m = CODE_AND_NAME.exec(accountName);
      if (m) { accountCode = m[1] as string; accountName = m[2] as string; }
    } else if (accountCode && !accountName && !/^\d+$/.test(accountCode)) {
      const m = CODE_AND_NAME.exec(accountCode);
      if (m) { accountCode = m[1] as string; accountName = m[2] as string; }
    }
    const out = this.opts.reuse ? this.out : { kind: 'record' as const, record: emptyRecord() };
    const r = out.record;
    r.line = ctx.line;
    r.township = township;
    r.village = place.village;
    r.entity = entity === place.village ? '' : entity;
    r.date = date;
    r.year = yearOf(date);
    r.voucher = voucherText;
    r.summary = summary;
    r.accountCode = accountCode;
    r.accountName = accountName;
    r.debitFen = debitFen;
    r.creditFen = creditFen;
    r.attachments = attachments;
    r.receiptType = this.text(cells, c.receiptType);
    r.invoice = c.invoice < 0 ? '' : halfWidth(this.text(cells, c.invoice));
    r.counterparty = this.text(cells, c.counterparty);
    r.project = this.text(cells, c.project);
    r.handler = this.text(cells, c.handler);
    r.approver = this.text(cells, c.approver);
    r.preparer = this.text(cells, c.preparer);
    r.checker = this.text(cells, c.checker);
    r.bookkeeper = this.text(cells, c.bookkeeper);
    return out;
  }
}

const BLANK = { kind: 'blank' } as const;
const SUBTOTAL_ROW = { kind: 'subtotal' } as const;

/** `2018-03-05` -> 2018 from the character codes. */
function yearOf(iso: string): number {
  return (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
}

function emptyRecord(): LedgerRecord {
  return {
    line: 0, township: '', village: '', entity: '', date: '', year: 0, voucher: '', summary: '', accountCode: '', accountName: '', debitFen: 0, creditFen: 0,
    attachments: null, receiptType: '', invoice: '', counterparty: '', project: '', handler: '', approver: '', preparer: '', checker: '', bookkeeper: '',
  };
}
