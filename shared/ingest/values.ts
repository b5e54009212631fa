// Cell -> typed value, or the reason it is not one. Shared by the ledger, project and roster mappers.
import { dateCellToIso, excelSerialToIso, isoDate, parseDateText } from '../format/dates';
import { moneyFromNumber, parseMoney, type MoneyParse } from '../format/money';
import { unwrapExcelText } from './fields';
import { cellText, type Cell } from './table';

// The usual form, `1234.50` or `-500`: exact integer arithmetic on the digits, no float, no Decimal.
const PLAIN_MONEY = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

const ZERO: MoneyParse = { ok: true, fen: 0 };

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
  if (typeof c === 'number') return moneyFromNumber(c);
  if (c === '' || c === null) return ZERO;
  const s = cellText(c);
  const m = PLAIN_MONEY.exec(s);
  if (m) {
    const cents = m[3] === undefined ? 0 : m[3].length === 1 ? Number(m[3]) * 10 : Number(m[3]);
    const fen = Number(m[2]) * 100 + cents;
    return { ok: true, fen: m[1] ? -fen : fen };
  }
  const text = halfWidth(textCell(s));
  if (NIL.has(text)) return ZERO;
  return parseMoney(text);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** An Excel serial day kept as text by an export (`43165`): five digits, 1927-05-18 to 2173-10-14. */
const SERIAL_TEXT = /^[1-9]\d{4}(\.0+)?$/;

export function dateCell(c: Cell): string | null {
  if (c instanceof Date) return dateCellToIso(c);
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 19000101 && c <= 22001231) return parseDateText(String(c));
    return excelSerialToIso(c);
  }
  const raw = cellText(c).trim();
  // The usual form: checked by hand, without the general parser's regex loop.
  if (raw.length === 10 && ISO.test(raw)) return isoDate(Number(raw.slice(0, 4)), Number(raw.slice(5, 7)), Number(raw.slice(8, 10)));
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
