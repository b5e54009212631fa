// Cell -> typed value, or the reason it is not one. Shared by the ledger, project and roster mappers.
import { dateCellToIso, excelSerialToIso, isDay, parseDateText } from '../format/dates';
import { moneyFromNumber, parseMoney, type MoneyParse } from '../format/money';
import { unwrapExcelText } from './fields';
import { cellText, type Cell } from './table';


/** Full-width forms (`１，２３４．５０`, `记－００１５`) typed on Chinese input methods, as ASCII. */
export function halfWidth(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) return s.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch.charCodeAt(0) === 0x3000 ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
  }
  return s;
}

/** A text cell's value: Excel's protected text unwrapped (`="记-0015"` is 记-0015), trimmed. */
export function textCell(c: Cell): string {
  if (typeof c === 'string') return (c.charCodeAt(0) === 61 ? unwrapExcelText(c) : c).trim();
  return cellText(c).trim();
}

/** Texts that mean nothing is there: an amount of `-` or `—` is zero. */
// eslint-disable-next-line no-restricted-syntax -- dashes are data, as exports write them
const NIL = new Set(['-', '—', '--', '——', '－']);

export function moneyCell(c: Cell): MoneyParse {
  const v = moneyValue(c);
  return typeof v === 'number' ? { ok: true, fen: v } : { ok: false, reason: v };
}

type MoneyFailure = Extract<MoneyParse, { ok: false }>['reason'];

/** `1234.50` -> 123450 by hand: digits, at most one point, two decimals; null where it is not that plain form. */
function plainFen(s: string): number | null {
  let i = 0;
  const n = s.length;
  let neg = false;
  if (n > 0 && s.charCodeAt(0) === 45) { neg = true; i = 1; }
  let whole = 0;
  let digits = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
    if (++digits > 13) return null;
  }
  if (digits === 0) return null;
  let cents = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46 || n - i - 1 < 1 || n - i - 1 > 2) return null;
    for (let k = i + 1; k < n; k++) {
      const d = s.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return null;
      cents = cents * 10 + d;
    }
    if (n - i - 1 === 1) cents *= 10;
  }
  const fen = whole * 100 + cents;
  return neg ? -fen : fen;
}

/** A money cell as fen, or why it is not one: the engine's hot path (no object per cell). */
export function moneyValue(c: Cell): number | MoneyFailure {
  if (typeof c === 'number') {
    const m = moneyFromNumber(c);
    return m.ok ? m.fen : m.reason;
  }
  if (c === '' || c === null) return 0;
  const s = cellText(c);
  const fast = plainFen(s);
  if (fast !== null) return fast;
  const text = halfWidth(textCell(s));
  if (NIL.has(text)) return 0;
  const m = parseMoney(text);
  return m.ok ? m.fen : m.reason;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD text that is a real day (1900-2200), from its character codes. */
function validIso(s: string): boolean {
  const n = (i: number): number => s.charCodeAt(i) - 48;
  return isDay(n(0) * 1000 + n(1) * 100 + n(2) * 10 + n(3), n(5) * 10 + n(6), n(8) * 10 + n(9));
}
/** An Excel serial day kept as text by an export (`43165`): five digits, 1927-05-18 to 2173-10-14. */
const SERIAL_TEXT = /^[1-9]\d{4}(\.0+)?$/;

export function dateCell(c: Cell): string | null {
  if (c instanceof Date) return dateCellToIso(c);
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 19000101 && c <= 22001231) return parseDateText(String(c));
    return excelSerialToIso(c);
  }
  const raw = cellText(c).trim();
  // The usual form, checked by hand: a valid YYYY-MM-DD is its own answer (no new string).
  if (raw.length === 10 && ISO.test(raw)) return validIso(raw) ? raw : null;
  const s = halfWidth(textCell(raw));
  if (SERIAL_TEXT.test(s)) return excelSerialToIso(Number(s));
  return parseDateText(s);
}

export function countCell(c: Cell): number | null | 'invalid' {
  if (typeof c === 'number') return Number.isInteger(c) && c >= 0 ? c : 'invalid';
  const s = halfWidth(textCell(c));
  if (s === '') return null;
  if (NIL.has(s)) return 0;
  if (/^\d{1,6}$/.test(s)) return Number(s);
  // 3张
  const m = /^(\d{1,6})\s*张$/.exec(s);
  if (m) return Number(m[1]);
  return 'invalid';
}
