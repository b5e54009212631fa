// 违规报销（禁止列支项目）: the district's banned reimbursement items beyond hospitality — tobacco and
// liquor, local produce, tours, shopping cards, personal phone bills, private cars' fuel ... Lines
// that banned-hospitality flags are left to it while it is switched on.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { bi, joinBi, type Bilingual } from '../i18n/messages';
import { dateNumber } from '../workspace/ledger-encoder';
import { classify, type HospitalitySettings } from './banned-hospitality';
import { defineRule, type RuleFinding } from './types';
import { attrMask, findingOn, textMask, voucherGroup, voucherLabel, vouchersWhere, wordsIn, type VoucherLine } from './voucher-lines';

/* eslint-disable no-restricted-syntax -- the default words are data, matched against ledger texts */
const settings = z.object({
  /** The day the district's list took effect (default: the eight-point rules of 2012-12-04). */
  fromDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default('2012-12-04'),
  /** Banned items, as summaries and counterparties write them. */
  items: z.array(z.string().min(1)).default([
    '香烟', '烟', '酒', '土特产', '旅游', '旅行社', '购物卡', '超市卡', '礼品卡', '加油卡', '提货卡', '个人手机', '手机话费', '话费充值', '私车', '私家车',
    '个人车辆', '洗浴', '足浴', '按摩', '健身卡', '美容',
  ]),
  /** Look-alike phrases masked out before matching (油烟机 is no tobacco, 乡村旅游步道 no tour). */
  masks: z.array(z.string().min(1)).default([
    '烟花', '烟囱', '油烟', '禁烟', '烟叶', '吸烟', '烟感', '烟雾', '烟道', '酒精', '酒店', '酒楼', '酒家', '乡村旅游', '旅游公路', '旅游厕所', '旅游步道', '旅游标识',
  ]),
});
/* eslint-enable no-restricted-syntax */
type Settings = z.infer<typeof settings>;

function whyOf(l: VoucherLine, s: Settings): Bilingual | null {
  const inSummary = wordsIn(l.summary, s.items, s.masks)[0];
  if (inSummary) return bi('rule.why.summary', { word: inSummary });
  const inCounterparty = wordsIn(l.counterparty, s.items, s.masks)[0];
  return inCounterparty ? bi('rule.banned-expense.why.counterparty', { counterparty: l.counterparty, word: inCounterparty }) : null;
}

export const bannedExpense = defineRule<Settings>({
  id: 'banned-expense',
  needs: [],
  uses: ['counterparty'],
  settings,
  defaults: settings.parse({}),
  weight: 2,
  run({ ledger, settingsOf }, s) {
    const hospitality = settingsOf('banned-hospitality') as HospitalitySettings & { enabled?: boolean };
    const leaveToHospitality = (l: VoucherLine): boolean => hospitality.enabled !== false && l.date >= hospitality.banDate && classify(l, hospitality) !== null;
    const attrs = attrMask(ledger, ['summary', 'counterparty'], textMask(ledger, (t) => wordsIn(t, s.items, s.masks).length > 0));
    const from = dateNumber(s.fromDate);
    const l = ledger.lines;
    const candidates = vouchersWhere(ledger, (i) => attrs[l.attrs[i] as number] === 1 && !ledger.attrs.isCash[l.attrs[i] as number] && (l.date[i] as number) >= from);
    const findings: RuleFinding[] = [];
    for (const v of candidates) {
      const { key, keyString, lines } = voucherGroup(ledger, v);
      const hits = lines.filter((x) => !x.isCash && x.debitFen > 0 && x.date >= s.fromDate && !leaveToHospitality(x))
        .map((x) => ({ line: x, why: whyOf(x, s) })).filter((h): h is { line: VoucherLine; why: Bilingual } => h.why !== null);
      if (hits.length === 0) continue;
      const amountFen = hits.reduce((n, h) => n + h.line.debitFen, 0);
      const whys = [...new Map(hits.map((h) => [h.why.zh, h.why])).values()];
      const date = hits[0]?.line.date ?? '';
      const reason = bi('rule.banned-expense.reason', { date, voucher: voucherLabel(key), amount: formatFen(amountFen), whys: joinBi(whys, 'fmt.items') });
      findings.push(findingOn(ledger, [v], { amountFen, reason, key: keyString, date }));
    }
    return { findings, notices: [] };
  },
});
