// 白条入账: a payment without a proper original document.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { both } from '../i18n/messages';
import { defineRule, type RuleFinding } from './types';
import { cashPaidOut, loadVouchers, sourcesOf, voucherKeyOf, wordsIn, type VoucherKey } from './voucher-lines';

const settings = z.object({
  /** Words that mean an informal note instead of an invoice. */
  words: z.array(z.string().min(1)).default(['白条', '收条', '欠条', '打条']),
  /** Look-alike phrases masked out before matching (打条幅 is a banner, not a note). */
  masks: z.array(z.string().min(1)).default(['条幅']),
  /** Payments at or below this amount (fen) are not flagged for a missing attachment alone. */
  minAmountFen: z.number().int().min(0).default(0),
});
type Settings = z.infer<typeof settings>;

export const unreceipted = defineRule<Settings>({
  id: 'unreceipted',
  title: '白条入账 / 无原始凭证',
  titleEn: 'Unreceipted payment',
  policy: '付款必须附合法原始凭证（发票等），不得以白条、收条、欠条、打条或无附件入账。',
  policyEn: 'Every payment must be backed by a proper original document (an invoice), not an informal note or nothing.',
  settings,
  defaults: settings.parse({}),
  run(db, s) {
    const notices = (db.prepare(`SELECT id, name FROM source_files WHERE kind = 'ledger' AND has_attachments = 0`).all() as { id: number; name: string }[])
      .map((f) => ({ rule: 'unreceipted', file: f.name, ...both('rule.no-attachments-column', { file: f.name }) }));

    const wordExpr = s.words.length
      ? s.words.map(() => '(instr(summary, ?) > 0 OR instr(receipt_type, ?) > 0)').join(' OR ')
      : '0';
    const wordParams = s.words.flatMap((w) => [w, w]);
    // One pass over the ledger in SQL: vouchers that pay cash out and either have no attachment
    // or mention a note. Only files that have an attachment column take part.
    const candidates = db.prepare(`
      SELECT township, village, year, voucher,
             SUM(CASE WHEN is_cash THEN credit_fen - debit_fen ELSE 0 END) AS paid,
             MAX(COALESCE(attachments, 0)) AS att,
             MAX(${wordExpr}) AS words
      FROM ledger_lines
      WHERE file_id IN (SELECT id FROM source_files WHERE kind = 'ledger' AND has_attachments = 1)
      GROUP BY township, village, year, voucher
      HAVING paid > 0 AND (att = 0 OR words)`).all(...wordParams) as (VoucherKey & { paid: number; att: number; words: number })[];

    const vouchers = loadVouchers(db, candidates);
    const findings: RuleFinding[] = [];
    for (const c of candidates) {
      const lines = vouchers.get(voucherKeyOf(c)) ?? [];
      const paid = cashPaidOut(lines);
      const found = new Set<string>();
      const foundIn: string[] = [];
      const foundInEn: string[] = [];
      for (const l of lines) {
        for (const w of wordsIn(l.summary, s.words, s.masks)) if (!found.has(`s${w}`)) {
          found.add(`s${w}`);
          foundIn.push(`摘要含“${w}”`);
          foundInEn.push(`summary contains “${w}”`);
        }
        for (const w of wordsIn(l.receiptType, s.words, s.masks)) if (!found.has(`r${w}`)) {
          found.add(`r${w}`);
          foundIn.push(`票据类型为“${l.receiptType}”`);
          foundInEn.push(`receipt type is “${l.receiptType}”`);
        }
      }
      const noAttachment = c.att === 0 && paid > s.minAmountFen;
      if (!noAttachment && foundIn.length === 0) continue;
      const attBlank = lines.every((l) => l.attachments === null);
      const reasons = [...(noAttachment ? [attBlank ? '附件张数为空' : '附件张数为 0'] : []), ...foundIn];
      const reasonsEn = [...(noAttachment ? [attBlank ? 'attachment count is blank' : 'attachment count is 0'] : []), ...foundInEn];
      const date = lines.reduce((d, l) => (l.date < d ? l.date : d), lines[0]?.date ?? '');
      findings.push({
        township: c.township,
        village: c.village,
        date,
        vouchers: [c.voucher],
        project: lines.find((l) => l.project)?.project ?? null,
        amountFen: paid,
        reason: `凭证 ${c.voucher} 付出 ${formatFen(paid)}，${reasons.join('；')}，无合法原始凭证`,
        reasonEn: `Voucher ${c.voucher} paid out ${formatFen(paid)}; ${reasonsEn.join('; ')}: no proper original document`,
        lineIds: lines.map((l) => l.id),
        sources: sourcesOf(lines),
        key: voucherKeyOf(c),
      });
    }
    return { findings, notices };
  },
});
