// Facts several rules need of the ledger in memory, computed once per snapshot with plain loops
// over its columns and kept beside it (a WeakMap: they go when the snapshot goes): the village and
// books of each voucher as dense indices, each voucher's debit and credit totals and payee, which
// attribute tuples are cash itself (not bank), which files hold a column, and per village whether
// its lines come from files that do. Nothing here builds a string per line.
import type { Bilingual } from '../i18n/messages';
import type { AttrField, LedgerSnapshot } from '../workspace/ledger-snapshot';
import type { CoverageGap } from './types';
import { textMask } from './voucher-lines';

const cache = new WeakMap<LedgerSnapshot, Map<string, unknown>>();

function cached<T>(ledger: LedgerSnapshot, key: string, make: () => T): T {
  let m = cache.get(ledger);
  if (!m) cache.set(ledger, (m = new Map()));
  if (!m.has(key)) m.set(key, make());
  return m.get(key) as T;
}

/** Frees what was computed for a snapshot (the run is over; the snapshot itself stays cached for the next). */
export function releaseFacts(ledger: LedgerSnapshot): void {
  cache.delete(ledger);
}

export interface Village {
  township: string;
  village: string;
}

export interface Places {
  /** Per voucher: its village (township and village) as an index into `villages`. */
  village: Int32Array;
  /** Per voucher: its books (township, village and accounting entity) as an index into `books`. */
  book: Int32Array;
  villages: Village[];
  books: (Village & { entity: string; villageIndex: number })[];
}

/** Texts ids are below 2^26 (67 million distinct texts): two make one exact number key. */
const PAIR = 2 ** 26;

export function places(ledger: LedgerSnapshot): Places {
  return cached(ledger, 'places', () => {
    const vs = ledger.vouchers;
    const text = (id: number): string => ledger.texts[id] ?? '';
    const village = new Int32Array(vs.count);
    const book = new Int32Array(vs.count);
    const villageOf = new Map<number, number>();
    const bookOf = new Map<number, Map<number, number>>();
    const villages: Village[] = [];
    const books: Places['books'] = [];
    // Neighbouring vouchers are mostly of one village's books: the last one found is tried first.
    let lastKey = -1;
    let lastEntity = -1;
    let lastBook = -1;
    let lastVillage = -1;
    for (let v = 0; v < vs.count; v++) {
      const t = vs.township[v] as number;
      const k = t * PAIR + (vs.village[v] as number);
      if (k === lastKey && vs.entity[v] === lastEntity) {
        village[v] = lastVillage;
        book[v] = lastBook;
        continue;
      }
      let vi = villageOf.get(k);
      if (vi === undefined) {
        vi = villages.length;
        villageOf.set(k, vi);
        villages.push({ township: text(t), village: text(vs.village[v] as number) });
      }
      village[v] = vi;
      let byEntity = bookOf.get(vi);
      if (!byEntity) bookOf.set(vi, (byEntity = new Map()));
      const e = vs.entity[v] as number;
      let bi = byEntity.get(e);
      if (bi === undefined) {
        bi = books.length;
        byEntity.set(e, bi);
        books.push({ ...(villages[vi] as Village), entity: text(e), villageIndex: vi });
      }
      book[v] = bi;
      lastKey = k;
      lastEntity = e;
      lastBook = bi;
      lastVillage = vi;
    }
    return { village, book, villages, books };
  });
}

/** yyyymmdd → days since 1970-01-01, for windows of N days (the civil-calendar count, integer arithmetic only). */
export function dayOf(yyyymmdd: number): number {
  const d = yyyymmdd % 100;
  const m = Math.floor(yyyymmdd / 100) % 100;
  const y = Math.floor(yyyymmdd / 10000) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Each voucher's total debits and credits (fen), over all its lines (from every file). */
export function voucherSums(ledger: LedgerSnapshot): { debit: Float64Array; credit: Float64Array } {
  return cached(ledger, 'sums', () => {
    const l = ledger.lines;
    const debit = new Float64Array(ledger.vouchers.count);
    const credit = new Float64Array(ledger.vouchers.count);
    for (let i = 0; i < l.count; i++) {
      const v = l.voucher[i] as number;
      debit[v] = (debit[v] as number) + (l.debit[i] as number);
      credit[v] = (credit[v] as number) + (l.credit[i] as number);
    }
    return { debit, credit };
  });
}

/**
 * Per voucher, the counterparty (text id) it pays: the first expense line (a non-cash debit) that
 * names one, else the first line that does; 0 for none.
 */
export function payees(ledger: LedgerSnapshot): Int32Array {
  return cached(ledger, 'payees', () => {
    const l = ledger.lines;
    const a = ledger.attrs;
    const out = new Int32Array(ledger.vouchers.count);
    const fromExpense = new Uint8Array(ledger.vouchers.count);
    for (let i = 0; i < l.count; i++) {
      const v = l.voucher[i] as number;
      if (fromExpense[v]) continue;
      const at = l.attrs[i] as number;
      const cp = a.counterparty[at] as number;
      if (cp === 0) continue;
      if (!a.isCash[at] && (l.debit[i] as number) > 0) {
        out[v] = cp;
        fromExpense[v] = 1;
      } else if (out[v] === 0) out[v] = cp;
    }
    return out;
  });
}

/* eslint-disable no-restricted-syntax -- account names are data, as the charts of accounts write them */
const CASH_NAMES = ['现金', '库存现金'];
const BANK_NAMES = ['银行'];
/* eslint-enable no-restricted-syntax */

/** Per attribute tuple, 1 where the account is cash itself (101 现金 / 库存现金, 1001), not a bank account. */
export function cashAttrs(ledger: LedgerSnapshot): Uint8Array {
  return cached(ledger, 'cash', () => {
    const isName = textMask(ledger, (t) => CASH_NAMES.some((w) => t.includes(w)) && !BANK_NAMES.some((w) => t.includes(w)));
    const isBank = textMask(ledger, (t) => BANK_NAMES.some((w) => t.includes(w)));
    const code = textMask(ledger, (t) => /^\s*(101|1001)/.test(t));
    const a = ledger.attrs;
    const out = new Uint8Array(a.isCash.length);
    for (let i = 0; i < out.length; i++) {
      if (!a.isCash[i]) continue;
      const name = a.accountName[i] as number;
      if (isName[name] || (code[a.accountCode[i] as number] && !isBank[name])) out[i] = 1;
    }
    return out;
  });
}

/** Per attribute tuple, 1 where the account's name has one of the words, or its code one of the prefixes. */
export function accountAttrs(ledger: LedgerSnapshot, words: readonly string[], codes: readonly string[] = []): Uint8Array {
  const name = textMask(ledger, (t) => words.some((w) => w && t.includes(w)));
  const code = textMask(ledger, (t) => codes.some((c) => c && t.trim().startsWith(c)));
  const a = ledger.attrs;
  const out = new Uint8Array(a.isCash.length);
  for (let i = 0; i < out.length; i++) if (name[a.accountName[i] as number] || code[a.accountCode[i] as number]) out[i] = 1;
  return out;
}

/**
 * Per file (index into ledger.files), 1 where it has the field: its header mapped a column for it
 * (or, for a file imported before that was recorded, some line of it has a value).
 */
export function filesWith(ledger: LedgerSnapshot, field: AttrField | 'attachments'): Uint8Array {
  return cached(ledger, `files:${field}`, () => {
    const out = new Uint8Array(ledger.files.length);
    const unknown: number[] = [];
    ledger.files.forEach((f, i) => {
      if (field === 'attachments') out[i] = f.hasAttachments ? 1 : 0;
      else if (f.fields) out[i] = f.fields.has(field) ? 1 : 0;
      else unknown.push(i);
    });
    if (unknown.length && field !== 'attachments') {
      const l = ledger.lines;
      const col = ledger.attrs[field];
      for (let i = 0; i < l.count; i++) if (col[l.attrs[i] as number]) out[l.file[i] as number] = 1;
    }
    return out;
  });
}

/** Per village (index into places().villages): 2 when all its lines come from files with the field, 1 some, 0 none. */
export function villageHas(ledger: LedgerSnapshot, field: AttrField | 'attachments'): Uint8Array {
  return cached(ledger, `villages:${field}`, () => {
    const files = filesWith(ledger, field);
    const p = places(ledger);
    const withIt = new Int32Array(p.villages.length);
    const without = new Int32Array(p.villages.length);
    const l = ledger.lines;
    for (let i = 0; i < l.count; i++) {
      const vi = p.village[l.voucher[i] as number] as number;
      if (files[l.file[i] as number]) withIt[vi] = (withIt[vi] as number) + 1;
      else without[vi] = (without[vi] as number) + 1;
    }
    const out = new Uint8Array(p.villages.length);
    for (let vi = 0; vi < out.length; vi++) out[vi] = without[vi] === 0 ? 2 : withIt[vi] === 0 ? 0 : 1;
    return out;
  });
}

/**
 * The villages a rule checks only in part, or not at all, because their files lack a field: each
 * with why (the text says which column). Villages whose files all have it are not listed.
 */
export function fieldGaps(ledger: LedgerSnapshot, field: AttrField | 'attachments', why: Bilingual, wholly: 'not-run' | 'partial' = 'not-run'): CoverageGap[] {
  const has = villageHas(ledger, field);
  const out: CoverageGap[] = [];
  places(ledger).villages.forEach((v, i) => {
    if (has[i] === 2) return;
    out.push({ ...v, state: has[i] === 0 ? wholly : 'partial', why });
  });
  return out;
}

/** The files that lack a field, by name (for the notice that says what was not checked). */
export function filesWithout(ledger: LedgerSnapshot, field: AttrField | 'attachments'): string[] {
  const has = filesWith(ledger, field);
  return [...new Set(ledger.files.filter((_, i) => !has[i]).map((f) => (f.sheet ? `${f.name}[${f.sheet}]` : f.name)))];
}
