// Cell -> typed value, or the reason it is not one. Shared by the ledger and project mappers.
import { dateCellToIso, excelSerialToIso, isoDate, parseDateText } from '../format/dates';
import { moneyFromNumber, parseMoney, type MoneyParse } from '../format/money';
import { cellText, type Cell } from './table';

// The usual form, `1234.50` or `-500`: exact integer arithmetic on the digits, no float, no Decimal.
const PLAIN_MONEY = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

const ZERO: MoneyParse = { ok: true, fen: 0 };

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
  return parseMoney(s);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function dateCell(c: Cell): string | null {
  if (c instanceof Date) return dateCellToIso(c);
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 19000101 && c <= 22001231) return parseDateText(String(c));
    return excelSerialToIso(c);
  }
  const s = cellText(c).trim();
  // The usual form: checked by hand, without the general parser's regex loop.
  if (s.length === 10 && ISO.test(s)) return isoDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
  return parseDateText(s);
}

export function countCell(c: Cell): number | null | 'invalid' {
  if (typeof c === 'number') return Number.isInteger(c) && c >= 0 ? c : 'invalid';
  const s = cellText(c).trim();
  if (s === '') return null;
  if (/^\d{1,6}$/.test(s)) return Number(s);
  // 3张
  const m = /^(\d{1,6})\s*张$/.exec(s);
  if (m) return Number(m[1]);
  return 'invalid';
}

export function textCell(c: Cell): string {
  return cellText(c).trim();
}
