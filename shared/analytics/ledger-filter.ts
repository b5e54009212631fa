// A LedgerFilter compiled to one test per line index: words matched once per distinct text
// (masks over text ids, then over attribute tuples), dates and amounts compared as numbers.
import type { LedgerFilter } from '../contract';
import { dateNumber } from '../workspace/ledger-encoder';
import type { AttrField, LedgerSnapshot } from '../workspace/ledger-snapshot';
import { attrMask, textMask } from '../rules/voucher-lines';

const TEXT_FIELDS: readonly AttrField[] = ['summary', 'accountCode', 'accountName', 'counterparty', 'project', 'handler', 'approver', 'preparer', 'checker', 'bookkeeper', 'invoice', 'receiptType'];
export const PERSON_FIELDS: readonly AttrField[] = ['handler', 'approver', 'preparer', 'checker', 'bookkeeper'];

const contains = (q: string) => {
  const needle = q.trim().toLowerCase();
  return (t: string) => t.toLowerCase().includes(needle);
};

/** Per attribute tuple, 1 where every attribute filter passes; null when there is none. */
function attrsPassing(ledger: LedgerSnapshot, f: LedgerFilter): Uint8Array | null {
  const masks: Uint8Array[] = [];
  const account = f.account?.trim();
  if (account) {
    const code = textMask(ledger, (t) => t.startsWith(account));
    const name = contains(account);
    const codes = attrMask(ledger, ['accountCode'], code);
    const names = attrMask(ledger, ['accountName'], textMask(ledger, name));
    masks.push(codes.map((c, a) => c | (names[a] as number)));
  }
  if (f.counterparty?.trim()) masks.push(attrMask(ledger, ['counterparty'], textMask(ledger, contains(f.counterparty))));
  if (f.person?.trim()) masks.push(attrMask(ledger, PERSON_FIELDS, textMask(ledger, contains(f.person))));
  if (masks.length === 0) return null;
  const out = masks[0] as Uint8Array;
  for (const m of masks.slice(1)) for (let a = 0; a < out.length; a++) out[a] = (out[a] as number) & (m[a] as number);
  return out;
}

/** The filter as a test of line i; null when it lets every line through. */
export function lineTest(ledger: LedgerSnapshot, f: LedgerFilter): ((i: number) => boolean) | null {
  const l = ledger.lines;
  const attrs = attrsPassing(ledger, f);
  const from = f.dateFrom ? dateNumber(f.dateFrom) : null;
  const to = f.dateTo ? dateNumber(f.dateTo) : null;
  const min = f.amountMinFen ?? null;
  const max = f.amountMaxFen ?? null;
  let words: { attrs: Uint8Array; texts: Uint8Array } | null = null;
  if (f.text?.trim()) {
    // Words in a line's texts, or in its voucher's number or entity.
    const texts = textMask(ledger, contains(f.text));
    words = { attrs: attrMask(ledger, TEXT_FIELDS, texts), texts };
  }
  if (!attrs && from === null && to === null && min === null && max === null && !words) return null;
  const vs = ledger.vouchers;
  return (i) => {
    const a = l.attrs[i] as number;
    if (attrs && !attrs[a]) return false;
    const d = l.date[i] as number;
    if (from !== null && d < from) return false;
    if (to !== null && d > to) return false;
    if (min !== null || max !== null) {
      const amount = Math.max(l.debit[i] as number, l.credit[i] as number);
      if (min !== null && amount < min) return false;
      if (max !== null && amount > max) return false;
    }
    if (words && !words.attrs[a]) {
      const v = l.voucher[i] as number;
      if (!words.texts[vs.number[v] as number] && !words.texts[vs.entity[v] as number]) return false;
    }
    return true;
  };
}
