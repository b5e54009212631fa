// Money lives as integer fen (分). decimal.js parses and formats at the edges, so no
// amount ever passes through a binary float.
import Decimal from 'decimal.js';

export type MoneyParse = { ok: true; fen: number } | { ok: false; reason: 'not-a-number' | 'too-many-decimals' | 'too-large' };

const MONEY_RE = /^[-+]?\d+(\.\d+)?$/;
const GROUPED_RE = /^[-+]?\d{1,3}([,，]\d{3})+(\.\d+)?$/;
const MAX_FEN = Number.MAX_SAFE_INTEGER;

/** Parses `1234.5`, `1,234.50`, `¥1,234.50`, `-500`, `(500.00)`, blank (= 0) into fen. */
export function parseMoney(raw: string): MoneyParse {
  let s = raw.replace(/[\s\u3000]/g, '');
  if (s === '' || s === '-' || s === '—') return { ok: true, fen: 0 };
  let negative = false;
  // Accounting negatives: (500.00) and （500.00）
  const paren = /^[(（](.*)[)）]$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1] ?? '';
  }
  s = s.replace(/^[¥￥]/, '').replace(/^([-+])[¥￥]/, '$1').replace(/元$/, '');
  // Separators must group thousands: `1,2` or `12,34.5` is a typo or a decimal comma, not 12 or 1234.5.
  if (/[,，]/.test(s)) {
    if (!GROUPED_RE.test(s)) return { ok: false, reason: 'not-a-number' };
    s = s.replace(/[,，]/g, '');
  }
  // `(-500)` is not a double negative: a sign inside the accounting parentheses is an error.
  if (!MONEY_RE.test(s) || (negative && /^[-+]/.test(s))) return { ok: false, reason: 'not-a-number' };
  const d = new Decimal(s);
  if (d.decimalPlaces() > 2) return { ok: false, reason: 'too-many-decimals' };
  const fen = d.times(100);
  if (fen.abs().greaterThan(MAX_FEN)) return { ok: false, reason: 'too-large' };
  const n = fen.toNumber();
  return { ok: true, fen: negative ? -n : n };
}

/**
 * A spreadsheet number cell. Values computed by formulas carry binary noise
 * (0.30000000000000004), so a value within 1e-7 of a whole fen is that fen; anything
 * further from it really has more than two decimals.
 */
export function moneyFromNumber(value: number): MoneyParse {
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  const d = new Decimal(value);
  const rounded = d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  if (d.minus(rounded).abs().greaterThan('1e-7')) return { ok: false, reason: 'too-many-decimals' };
  const fen = rounded.times(100);
  if (fen.abs().greaterThan(MAX_FEN)) return { ok: false, reason: 'too-large' };
  return { ok: true, fen: fen.toNumber() };
}

/**
 * Whole yuan and cents of an integer amount of fen, by integer arithmetic only (exact for every safe
 * integer: the remainder, then an exact division of a multiple of 100); null for anything else.
 */
function yuanAndCents(fen: number): { whole: string; cents: string } | null {
  if (!Number.isSafeInteger(fen)) return null;
  const a = Math.abs(fen);
  const c = a % 100;
  return { whole: String((a - c) / 100), cents: c < 10 ? `0${c}` : String(c) };
}

/** `46200.00` (no grouping, no symbol): the machine-readable form used in JSON and CSV. */
export function fenToDecimalString(fen: number): string {
  const p = yuanAndCents(fen);
  if (p) return `${fen < 0 ? '-' : ''}${p.whole}.${p.cents}`;
  return new Decimal(fen).dividedBy(100).toFixed(2);
}

/** `¥46,200.00`: what a person reads. */
export function formatFen(fen: number): string {
  const negative = fen < 0;
  const p = yuanAndCents(fen);
  const [whole = '0', cents = '00'] = p ? [p.whole, p.cents] : new Decimal(Math.abs(fen)).dividedBy(100).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}.${cents}`;
}

/** Exact decimal quantity (metres, m², ...) as text: kept as a string so 1800.5 stays 1800.5. */
export function parseQuantity(raw: string): Decimal | null {
  const s = raw.replace(/[\s\u3000,，]/g, '');
  if (s === '') return null;
  if (!MONEY_RE.test(s)) throw new Error(`not a quantity: ${raw}`);
  return new Decimal(s);
}

/** contract × quantity / contracted, rounded half-up to the fen. */
export function prorateFen(contractFen: number, quantity: Decimal, contracted: Decimal): number {
  if (contracted.isZero()) return contractFen;
  return new Decimal(contractFen).times(quantity).dividedBy(contracted).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * A sum of amounts in fen, added exactly (BigInt). Imports keep a workspace's money far below
 * 2^53 fen (workspace/source-content.ts), so every sum fits a number; one that would not is an
 * error, never a rounded total.
 */
export function sumFen(values: Iterable<number>): number {
  let s = 0n;
  for (const v of values) s += BigInt(v);
  if (s > BigInt(Number.MAX_SAFE_INTEGER) || s < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`a sum of money beyond 2^53 fen: ${s}`);
  return Number(s);
}
