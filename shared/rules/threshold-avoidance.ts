// 化整为零 / 临界金额: payments just below an approval threshold, and round sums paid to a person
// rather than to an organisation.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { bi, joinBi, type Bilingual } from '../i18n/messages';
import { fieldGaps, payees } from './ledger-facts';
import { isPersonName, ORG_WORDS } from './persons';
import { defineRule, type RuleFinding } from './types';
import { attrMask, findingOn, textMask, voucherDate, voucherKeyAt, voucherKeyOf, voucherLabel, wordsIn } from './voucher-lines';

/* eslint-disable no-restricted-syntax -- the default words are data, matched against ledger texts */
const settings = z.object({
  /** Approval thresholds (fen): who may approve how much (the village committee, the township, tendering). */
  thresholdsFen: z.array(z.number().int().min(1)).default([500000, 1000000, 10000000]),
  /** A payment within this many percent below a threshold is "just below" it. */
  bandPercent: z.number().int().min(1).max(50).default(5),
  /** A multiple of this (fen) is a round sum. */
  roundFen: z.number().int().min(1).default(100000),
  /** Words in an organisation's name: a counterparty with none of them, named like a person, is a person. */
  orgWords: z.array(z.string().min(1)).default(ORG_WORDS),
  /** Pay, grants and subsidies are round sums to persons by design; advances are left to officer-receivable. */
  exemptWords: z.array(z.string().min(1)).default([
    '干部报酬', '误工补贴', '工资', '报酬', '补助', '补贴', '低保', '救助', '慰问', '奖励', '分红', '退还', '押金', '应收款', '内部往来', '备用金',
  ]),
});
/* eslint-enable no-restricted-syntax */
type Settings = z.infer<typeof settings>;

export const thresholdAvoidance = defineRule<Settings>({
  id: 'threshold-avoidance',
  needs: [],
  uses: ['counterparty'],
  settings,
  defaults: settings.parse({}),
  weight: 1,
  run({ ledger }, s) {
    const gaps = fieldGaps(ledger, 'counterparty', bi('rule.threshold-avoidance.no-counterparty'), 'partial');
    const vs = ledger.vouchers;
    const l = ledger.lines;
    const pay = payees(ledger);
    const exemptAttrs = attrMask(ledger, ['accountName', 'summary'], textMask(ledger, (t) => wordsIn(t, s.exemptWords, []).length > 0));
    const exempt = new Uint8Array(vs.count);
    for (let i = 0; i < l.count; i++) if (exemptAttrs[l.attrs[i] as number]) exempt[l.voucher[i] as number] = 1;
    const thresholds = Float64Array.from(s.thresholdsFen).sort();
    const band = 100 - s.bandPercent;
    const round = s.roundFen;
    // Per text id: 1 a person's name, 0 not, -1 not looked at yet.
    const person = new Int8Array(ledger.texts.length).fill(-1);
    const findings: RuleFinding[] = [];
    for (let v = 0; v < vs.count; v++) {
      const fen = vs.cashOut[v] as number;
      if (fen <= 0 || exempt[v]) continue;
      // Just below: T × (100 − band)% ≤ amount < T, in integers.
      let below = 0;
      for (let k = 0; k < thresholds.length; k++) {
        const x = thresholds[k] as number;
        if (fen < x) {
          if (fen * 100 >= x * band) below = x;
          break;
        }
      }
      const p = pay[v] as number;
      let toPerson = false;
      if (fen % round === 0 && p !== 0) {
        if (person[p] === -1) person[p] = isPersonName(ledger.texts[p] ?? '', s.orgWords) ? 1 : 0;
        toPerson = person[p] === 1;
      }
      if (!below && !toPerson) continue;
      const whys: Bilingual[] = [];
      if (below) whys.push(bi('rule.threshold-avoidance.why.below', { threshold: formatFen(below), gap: formatFen(below - fen) }));
      if (toPerson) whys.push(bi('rule.threshold-avoidance.why.round', { payee: ledger.texts[p] ?? '' }));
      const key = voucherKeyAt(ledger, v);
      const reason = bi('rule.threshold-avoidance.reason', { date: voucherDate(ledger, v), voucher: voucherLabel(key), amount: formatFen(fen), whys: whys.length === 1 ? whys[0] as Bilingual : joinBi(whys, 'fmt.items') });
      findings.push(findingOn(ledger, [v], { amountFen: fen, reason, key: voucherKeyOf(key), at: key }));
    }
    return { findings, notices: [], gaps };
  },
});
