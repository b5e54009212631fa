// 重复支付: the same counterparty paid the same amount twice within a window by different vouchers,
// or the same invoice number booked twice. Salaries and bills that recur month after month are not
// duplicates.
import { z } from 'zod';
import type { RuleNotice } from '../contract';
import { formatFen } from '../format/money';
import { bi, joinBi, listBi, type Bilingual } from '../i18n/messages';
import { dayOf, filesWithout, payees, places, villageHas } from './ledger-facts';
import { defineRule, noticeOf, type CoverageGap, type RuleFinding } from './types';
import { attrMask, findingOn, textMask, voucherDate, voucherKeyAt, voucherKeyOf, voucherLabel, wordsIn } from './voucher-lines';

/* eslint-disable no-restricted-syntax -- the default words are data, matched against ledger texts */
const settings = z.object({
  /** Two payments this many days apart or fewer are taken as one paid twice. */
  windowDays: z.number().int().min(0).default(30),
  /** Payments below this (fen) are not compared by amount (small sums repeat by chance); invoice numbers are compared whatever the amount. */
  minAmountFen: z.number().int().min(0).default(100000),
  /** Payments of one amount to one counterparty in this many months are a recurring bill (rent, cleaning), not duplicates. */
  recurringMonths: z.number().int().min(2).default(3),
  /** Salaries are paid in equal amounts by design. */
  exemptWords: z.array(z.string().min(1)).default(['干部报酬', '误工补贴', '工资', '报酬']),
});
/* eslint-enable no-restricted-syntax */
type Settings = z.infer<typeof settings>;

interface Dup {
  earlier: number;
  whys: Bilingual[];
}

const PAIR = 2 ** 26;
/** Amounts below this (fen: ¥85.9 million), in groups below SPAN, are sorted as one number each. */
const AMOUNT = 2 ** 33;
const SPAN = 2 ** 20;

export const duplicatePayment = defineRule<Settings>({
  id: 'duplicate-payment',
  needs: ['counterparty', 'invoice'],
  settings,
  defaults: settings.parse({}),
  weight: 3,
  run({ ledger }, s) {
    const vs = ledger.vouchers;
    const l = ledger.lines;
    const village = places(ledger).village;
    const pay = payees(ledger);
    const date = (v: number): number => vs.date[v] as number;
    const byDate = (a: number, b: number): number => date(a) - date(b) || a - b;
    const exemptAttrs = attrMask(ledger, ['accountName', 'summary'], textMask(ledger, (t) => wordsIn(t, s.exemptWords, []).length > 0));
    const exempt = new Uint8Array(vs.count);
    for (let i = 0; i < l.count; i++) if (exemptAttrs[l.attrs[i] as number]) exempt[l.voucher[i] as number] = 1;
    const dups = new Map<number, Dup>();
    const flag = (later: number, earlier: number, why: Bilingual): void => {
      const d = dups.get(later) ?? { earlier, whys: [] };
      d.whys.push(why);
      dups.set(later, d);
    };

    // The same counterparty, the same amount. The candidate payments grouped by (village, payee) with a
    // counting sort, then within each group sorted by amount as numbers (amount × 2^20 + place in the
    // group, exact below 2^53; larger groups or amounts sorted by comparison): runs of one amount.
    const pairs = new Map<number, number>();
    const candV: number[] = [];
    const candPair: number[] = [];
    let lastPair = -1;
    let lastId = -1;
    for (let v = 0; v < vs.count; v++) {
      const fen = vs.cashOut[v] as number;
      if (fen < s.minAmountFen || fen <= 0 || pay[v] === 0 || exempt[v]) continue;
      const pair = (village[v] as number) * PAIR + (pay[v] as number);
      if (pair !== lastPair) {
        let id = pairs.get(pair);
        if (id === undefined) pairs.set(pair, (id = pairs.size));
        lastPair = pair;
        lastId = id;
      }
      candV.push(v);
      candPair.push(lastId);
    }
    const np = pairs.size;
    const start = new Int32Array(np + 1);
    for (const id of candPair) start[id + 1] = (start[id + 1] as number) + 1;
    for (let i = 0; i < np; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
    const at = start.slice(0, np);
    const order = new Int32Array(candV.length);
    candV.forEach((v, c) => {
      const id = candPair[c] as number;
      order[at[id] as number] = v;
      at[id] = (at[id] as number) + 1;
    });
    const runs: number[][] = [];
    for (let id = 0; id < np; id++) {
      const group = order.subarray(start[id] as number, start[id + 1] as number);
      if (group.length < 2) continue;
      const fenOf = (k: number): number => vs.cashOut[group[k] as number] as number;
      let sorted: Int32Array;
      if (group.length < SPAN && group.every((v) => (vs.cashOut[v] as number) < AMOUNT)) {
        const keys = new Float64Array(group.length);
        for (let k = 0; k < group.length; k++) keys[k] = fenOf(k) * SPAN + k;
        keys.sort();
        sorted = new Int32Array(group.length);
        for (let k = 0; k < keys.length; k++) sorted[k] = group[(keys[k] as number) % SPAN] as number;
      } else sorted = Int32Array.from(group).sort((a, b) => (vs.cashOut[a] as number) - (vs.cashOut[b] as number) || a - b);
      for (let k = 0; k < sorted.length;) {
        let j = k + 1;
        while (j < sorted.length && vs.cashOut[sorted[j] as number] === vs.cashOut[sorted[k] as number]) j++;
        if (j - k > 1) runs.push(Array.from(sorted.subarray(k, j)));
        k = j;
      }
    }
    for (const list of runs) {
      list.sort(byDate);
      const months = new Set(list.map((v) => Math.floor(date(v) / 100)));
      if (months.size >= s.recurringMonths) continue;
      for (let i = 1; i < list.length; i++) {
        const [p, v] = [list[i - 1] as number, list[i] as number];
        const days = dayOf(date(v)) - dayOf(date(p));
        if (days > s.windowDays) continue;
        flag(v, p, bi('rule.duplicate-payment.why.amount', { days, prev: voucherLabel(voucherKeyAt(ledger, p)), prevDate: voucherDate(ledger, p), payee: ledger.texts[pay[v] as number] ?? '' }));
      }
    }

    // The same invoice number in two paying vouchers of a village (an accrual and its payment may both
    // carry it). By invoice text id, directly: its first voucher and village; a second voucher of that
    // village makes a list; another village's use of the number is looked up apart (rare).
    const invoiceOf = ledger.attrs.invoice;
    const firstOf = new Int32Array(ledger.texts.length).fill(-1);
    const villageOfFirst = new Int32Array(ledger.texts.length);
    const more = new Map<string, number[]>();
    const note = (k: string, first: number, v: number): void => {
      const m = more.get(k);
      if (!m) more.set(k, [first, v]);
      else if (!m.includes(v)) m.push(v);
    };
    const elsewhere = new Map<string, number>();
    for (let i = 0; i < l.count; i++) {
      const inv = invoiceOf[l.attrs[i] as number] as number;
      if (!inv) continue;
      const v = l.voucher[i] as number;
      if ((vs.cashOut[v] as number) <= 0) continue;
      const vi = village[v] as number;
      const f = firstOf[inv] as number;
      if (f < 0) {
        firstOf[inv] = v;
        villageOfFirst[inv] = vi;
      } else if (villageOfFirst[inv] === vi) {
        if (f !== v) note(`${vi}|${inv}`, f, v);
      } else {
        const k = `${vi}|${inv}`;
        const g = elsewhere.get(k);
        if (g === undefined) elsewhere.set(k, v);
        else if (g !== v) note(k, g, v);
      }
    }
    for (const [k, list] of more) {
      const uniq = [...new Set(list)].sort(byDate);
      const invoice = ledger.texts[Number(k.split('|')[1])] ?? '';
      const first = uniq[0] as number;
      for (const v of uniq.slice(1)) flag(v, first, bi('rule.duplicate-payment.why.invoice', { invoice, prev: voucherLabel(voucherKeyAt(ledger, first)), prevDate: voucherDate(ledger, first) }));
    }

    const findings: RuleFinding[] = [];
    for (const v of [...dups.keys()].sort((a, b) => a - b)) {
      const d = dups.get(v) as Dup;
      const key = voucherKeyAt(ledger, v);
      const fen = vs.cashOut[v] as number;
      const reason = bi('rule.duplicate-payment.reason', { date: voucherDate(ledger, v), voucher: voucherLabel(key), amount: formatFen(fen), whys: d.whys.length === 1 ? d.whys[0] as Bilingual : joinBi(d.whys, 'fmt.items') });
      findings.push(findingOn(ledger, [d.earlier, v], { amountFen: fen, reason, key: `dup|${voucherKeyOf(key)}`, date: voucherDate(ledger, v) }));
    }
    return { findings, ...coverage(ledger) };
  },
});

/** Villages whose files lack the counterparty or the invoice column: checked in part or not at all. */
function coverage(ledger: Parameters<typeof places>[0]): { notices: RuleNotice[]; gaps: CoverageGap[] } {
  const cp = villageHas(ledger, 'counterparty');
  const inv = villageHas(ledger, 'invoice');
  const gaps: CoverageGap[] = [];
  places(ledger).villages.forEach((v, i) => {
    if (cp[i] === 2 && inv[i] === 2) return;
    const missing = [...(cp[i] !== 2 ? [bi('ui.field.counterparty')] : []), ...(inv[i] !== 2 ? [bi('ui.field.invoice')] : [])];
    gaps.push({ ...v, state: cp[i] === 0 && inv[i] === 0 ? 'not-run' : 'partial', why: bi('rule.gap.no-column', { column: joinBi(missing, 'fmt.list') }) });
  });
  const files = filesWithout(ledger, 'invoice');
  const notices: RuleNotice[] = files.length ? [noticeOf('duplicate-payment', bi('rule.duplicate-payment.no-invoice', { files: listBi(files) }))] : [];
  return { notices, gaps };
}
