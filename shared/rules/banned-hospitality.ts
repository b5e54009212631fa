// 村级招待费: hospitality spending after the district banned it for villages.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { bi, joinBi, type Bilingual } from '../i18n/messages';
import { defineRule, type RuleFinding } from './types';
import { attrMask, sourcesOf, textMask, voucherGroup, voucherLabel, vouchersWhere, wordsIn, type VoucherLine } from './voucher-lines';
import { dateNumber } from '../workspace/ledger-encoder';

/* eslint-disable no-restricted-syntax -- the default words are data, matched against ledger texts */
const settings = z.object({
  /** The day the ban took effect (the seed's district: February 2017). */
  banDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).default('2017-02-01'),
  /** Words in an account's name that make it a hospitality account. */
  accountWords: z.array(z.string().min(1)).default(['招待', '接待']),
  /** Words in a summary or counterparty that mean entertaining, banquets, gifts, tobacco and liquor. */
  keywords: z.array(z.string().min(1)).default([
    '招待', '接待', '宴请', '宴席', '用餐', '就餐', '聚餐', '烟酒', '香烟', '白酒', '酒水', '土特产', '送礼', '礼品', '购烟',
  ]),
  /** Places that serve meals: hospitality, unless the line is travel lodging. */
  venues: z.array(z.string().min(1)).default(['酒楼', '酒店', '饭店', '饭庄', '农家乐', '餐馆', '餐厅', '食府']),
  /** A venue on a line that says one of these is lodging on a trip, not a banquet. */
  lodgingWords: z.array(z.string().min(1)).default(['住宿', '差旅', '房费']),
  /** Look-alike phrases masked out before matching. */
  masks: z.array(z.string().min(1)).default(['酒精', '消毒', '餐饮街', '伙食', '五保', '接待室']),
});
/** A 招待所 is a guesthouse: a night there on a trip is lodging, not hospitality. */
const GUESTHOUSE = '招待所';
/* eslint-enable no-restricted-syntax */
export type HospitalitySettings = z.infer<typeof settings>;
type Settings = HospitalitySettings;

export interface Hit {
  line: VoucherLine;
  why: Bilingual;
}

/** Whether an expense line is village hospitality under these settings, and why (banned-expense leaves such lines to this rule). */
export function classify(l: VoucherLine, s: Settings): Hit | null {
  const lodging = wordsIn(`${l.summary} ${l.accountName}`, s.lodgingWords, s.masks).length > 0;
  const masks = lodging ? [...s.masks, GUESTHOUSE] : s.masks;
  const account = { line: l, why: bi('rule.banned-hospitality.why.account', { account: l.accountName }) };
  const counterparty = { line: l, why: bi('rule.banned-hospitality.why.counterparty', { counterparty: l.counterparty }) };
  const summary = (word: string): Hit => ({ line: l, why: bi('rule.why.summary', { word }) });
  if (wordsIn(l.accountName, s.accountWords, masks)[0]) return account;
  const kw = wordsIn(l.summary, s.keywords, masks)[0];
  if (kw) return summary(kw);
  if (wordsIn(l.counterparty, s.keywords, masks)[0]) return counterparty;
  if (lodging) return null;
  const venue = wordsIn(l.summary, s.venues, s.masks)[0];
  if (venue) return summary(venue);
  if (wordsIn(l.counterparty, s.venues, s.masks)[0]) return counterparty;
  return null;
}

export const bannedHospitality = defineRule<Settings>({
  id: 'banned-hospitality',
  needs: [],
  uses: ['counterparty'],
  settings,
  defaults: settings.parse({}),
  weight: 2,
  run({ ledger }, s) {
    const words = [...new Set([...s.accountWords, ...s.keywords, ...s.venues])];
    // Words are matched once per distinct text; the columns then narrow a million lines to the
    // non-cash lines after the ban that carry one of those texts. The judgement (lodging, masks) is below.
    const attrs = attrMask(ledger, ['accountName', 'summary', 'counterparty'], textMask(ledger, (t) => wordsIn(t, words, s.masks).length > 0));
    const ban = dateNumber(s.banDate);
    const l = ledger.lines;
    const candidates = vouchersWhere(ledger, (i) => attrs[l.attrs[i] as number] === 1 && !ledger.attrs.isCash[l.attrs[i] as number] && (l.date[i] as number) >= ban);
    const findings: RuleFinding[] = [];
    for (const v of candidates) {
      const { key, keyString, lines } = voucherGroup(ledger, v);
      const expense = lines.filter((l) => !l.isCash && l.debitFen > 0 && l.date >= s.banDate);
      const hits = expense.map((l) => classify(l, s)).filter((h): h is Hit => h !== null);
      if (hits.length === 0) continue;
      const amountFen = hits.reduce((n, h) => n + h.line.debitFen, 0);
      // Each reason once (the same account or word on several lines).
      const whys = [...new Map(hits.map((h) => [h.why.zh, h.why])).values()];
      const date = hits[0]?.line.date ?? '';
      const reason = bi('rule.banned-hospitality.reason', { date, voucher: voucherLabel(key), amount: formatFen(amountFen), whys: joinBi(whys, 'fmt.items'), banDate: s.banDate });
      findings.push({
        township: key.township,
        village: key.village,
        date,
        vouchers: [key.voucher],
        project: null,
        amountFen,
        reason: reason.zh,
        reasonEn: reason.en,
        lineIds: lines.map((l) => l.id),
        sources: sourcesOf(lines),
        key: keyString,
      });
    }
    return { findings, notices: [] };
  },
});
