// 重复支付: the same counterparty paid the same amount twice within a window by different vouchers,
// or the same invoice number booked twice. Salaries and bills that recur month after month are not
// duplicates.
import { z } from 'zod';
import type { RuleNotice } from '../contract';
import { formatFen } from '../format/money';
import { bi, joinBi, listBi, type Bilingual } from '../i18n/messages';
import { dayOf, filesWithout, payees, places, villageHas } from './ledger-facts';
import { defineRule, noticeOf, type CoverageGap, type RuleFinding } from './types';
import { attrMask, findingOn, textMask, voucherDate, voucherGroup, voucherKeyAt, voucherLabel, wordsIn } from './voucher-lines';

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

/** Vouchers under one key, in date order; the key's first voucher kept without an array until a second comes. */
class Buckets {
  private readonly first = new Map<number, number>();
  readonly many = new Map<number, number[]>();
  add(key: number, v: number): void {
    const f = this.first.get(key);
    if (f === undefined) this.first.set(key, v);
    else if (f !== v) {
      const m = this.many.get(key);
      if (!m) this.many.set(key, [f, v]);
      else if (m[m.length - 1] !== v) m.push(v);
    }
  }
}

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

    // The same counterparty, the same amount: keyed by (village, payee), then by amount.
    const byPayee = new Map<number, Buckets>();
    for (let v = 0; v < vs.count; v++) {
      const fen = vs.cashOut[v] as number;
      if (fen < s.minAmountFen || fen <= 0 || pay[v] === 0 || exempt[v]) continue;
      const k = (village[v] as number) * PAIR + (pay[v] as number);
      let b = byPayee.get(k);
      if (!b) byPayee.set(k, (b = new Buckets()));
      b.add(fen, v);
    }
    for (const b of byPayee.values()) {
      for (const list of b.many.values()) {
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
    }

    // The same invoice number in two paying vouchers of a village (an accrual and its payment may both carry it).
    const byInvoice = new Buckets();
    const invoiceOf = ledger.attrs.invoice;
    for (let i = 0; i < l.count; i++) {
      const inv = invoiceOf[l.attrs[i] as number] as number;
      const v = l.voucher[i] as number;
      if (inv && (vs.cashOut[v] as number) > 0) byInvoice.add((village[v] as number) * PAIR + inv, v);
    }
    for (const [k, list] of byInvoice.many) {
      const uniq = [...new Set(list)].sort(byDate);
      const invoice = ledger.texts[k % PAIR] ?? '';
      for (const v of uniq.slice(1)) flag(v, uniq[0] as number, bi('rule.duplicate-payment.why.invoice', { invoice, prev: voucherLabel(voucherKeyAt(ledger, uniq[0] as number)), prevDate: voucherDate(ledger, uniq[0] as number) }));
    }

    const findings: RuleFinding[] = [];
    for (const v of [...dups.keys()].sort((a, b) => a - b)) {
      const d = dups.get(v) as Dup;
      const { key, keyString, lines } = voucherGroup(ledger, v);
      let fen = vs.cashOut[v] as number;
      if (fen <= 0) fen = lines.filter((x) => !x.isCash && x.invoice).reduce((n, x) => n + x.debitFen, 0);
      const reason = bi('rule.duplicate-payment.reason', { date: voucherDate(ledger, v), voucher: voucherLabel(key), amount: formatFen(fen), whys: joinBi(d.whys, 'fmt.items') });
      findings.push(findingOn(ledger, [d.earlier, v], { amountFen: fen, reason, key: `dup|${keyString}`, date: voucherDate(ledger, v) }));
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
