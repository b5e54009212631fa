// 村级招待费: hospitality spending after the district banned it for villages.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { defineRule, type RuleFinding } from './types';
import { attrIdsWhere, IN_IDS, loadVoucherGroups, sourcesOf, textIdsWhere, voucherLabel, voucherRefsWhere, wordsIn, type VoucherLine } from './voucher-lines';

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
type Settings = z.infer<typeof settings>;

interface Hit {
  line: VoucherLine;
  why: string;
  whyEn: string;
}

function classify(l: VoucherLine, s: Settings): Hit | null {
  const lodging = wordsIn(`${l.summary} ${l.accountName}`, s.lodgingWords, s.masks).length > 0;
  // A 招待所 is a guesthouse: a night there on a trip is lodging, not hospitality.
  const masks = lodging ? [...s.masks, '招待所'] : s.masks;
  const acct = wordsIn(l.accountName, s.accountWords, masks)[0];
  if (acct) return { line: l, why: `科目“${l.accountName}”`, whyEn: `account “${l.accountName}”` };
  const kw = wordsIn(l.summary, s.keywords, masks)[0];
  if (kw) return { line: l, why: `摘要含“${kw}”`, whyEn: `summary contains “${kw}”` };
  const ckw = wordsIn(l.counterparty, s.keywords, masks)[0];
  if (ckw) return { line: l, why: `对方单位“${l.counterparty}”`, whyEn: `counterparty “${l.counterparty}”` };
  if (lodging) return null;
  const venue = wordsIn(l.summary, s.venues, s.masks)[0];
  if (venue) return { line: l, why: `摘要含“${venue}”`, whyEn: `summary contains “${venue}”` };
  const cv = wordsIn(l.counterparty, s.venues, s.masks)[0];
  if (cv) return { line: l, why: `对方单位“${l.counterparty}”`, whyEn: `counterparty “${l.counterparty}”` };
  return null;
}

export const bannedHospitality = defineRule<Settings>({
  id: 'banned-hospitality',
  title: '村级招待费',
  titleEn: 'Banned village hospitality',
  policy: '禁令生效后（默认 2017-02-01），村级不得安排和发生招待费支出，包括以会议费、办公费等名义列支的宴请、烟酒、礼品。',
  policyEn: 'After the ban (default 2017-02-01) villages may not spend on hospitality, including banquets, tobacco, liquor and gifts booked as meetings or office costs.',
  settings,
  defaults: settings.parse({}),
  run(db, s) {
    const words = [...new Set([...s.accountWords, ...s.keywords, ...s.venues])];
    // Words are matched once per distinct text; SQL then narrows a million lines to the expense
    // lines after the ban that carry one of those texts. The judgement (lodging, masks) is below.
    const texts = JSON.stringify(textIdsWhere(db, (t) => wordsIn(t, words, s.masks).length > 0));
    const attrs = attrIdsWhere(db, `is_cash = 0 AND (account_name_id ${IN_IDS} OR summary_id ${IN_IDS} OR counterparty_id ${IN_IDS})`, [texts, texts, texts]);
    const refs = attrs.length ? voucherRefsWhere(db, `date >= ? AND attrs_id ${IN_IDS}`, [s.banDate, JSON.stringify(attrs)]) : [];
    const findings: RuleFinding[] = [];
    for (const { key, keyString, lines } of loadVoucherGroups(db, refs)) {
      const expense = lines.filter((l) => !l.isCash && l.debitFen > 0 && l.date >= s.banDate);
      const hits = expense.map((l) => classify(l, s)).filter((h): h is Hit => h !== null);
      if (hits.length === 0) continue;
      const amountFen = hits.reduce((n, h) => n + h.line.debitFen, 0);
      const whys = [...new Set(hits.map((h) => h.why))];
      const whysEn = [...new Set(hits.map((h) => h.whyEn))];
      const date = hits[0]?.line.date ?? '';
      findings.push({
        township: key.township,
        village: key.village,
        date,
        vouchers: [key.voucher],
        project: null,
        amountFen,
        reason: `${date} 凭证 ${voucherLabel(key).zh} 列支 ${formatFen(amountFen)}，${whys.join('；')}，属禁令（${s.banDate} 起）后的村级招待费支出`,
        reasonEn: `Voucher ${voucherLabel(key).en} of ${date} spent ${formatFen(amountFen)}; ${whysEn.join('; ')}: village hospitality after the ban of ${s.banDate}`,
        lineIds: lines.map((l) => l.id),
        sources: sourcesOf(lines),
        key: keyString,
      });
    }
    return { findings, notices: [] };
  },
});
