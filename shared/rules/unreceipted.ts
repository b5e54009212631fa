// 白条入账: a payment without a proper original document.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { both } from '../i18n/messages';
import { defineRule, type RuleFinding } from './types';
import { attrIdsWhere, cashPaidOut, earliestDate, IN_IDS, loadVoucherGroups, sourcesOf, textIdsWhere, voucherLabel, voucherRefsWhere, wordsIn } from './voucher-lines';

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
    const notices = db.prepare<[], string>(`SELECT name FROM source_files WHERE kind = 'ledger' AND has_attachments = 0`).pluck().all()
      .map((file) => ({ rule: 'unreceipted', file, ...both('rule.no-attachments-column', { file }) }));

    // SQL finds the candidates: vouchers that pay cash out with no attachment (from the voucher
    // facts gathered at import), and vouchers with a line whose text names a note.
    // (A voucher split over two files is judged below on all its lines together.)
    const noAttachment = db.prepare<[number], number>(`
      SELECT id FROM vouchers
      WHERE cash_out_fen > ? AND COALESCE(max_attachments, 0) = 0
        AND file_id IN (SELECT id FROM source_files WHERE kind = 'ledger' AND has_attachments = 1)`).pluck().all(s.minAmountFen);
    const noteTexts = textIdsWhere(db, (t) => wordsIn(t, s.words, s.masks).length > 0);
    const noteAttrs = noteTexts.length
      ? attrIdsWhere(db, `summary_id ${IN_IDS} OR receipt_type_id ${IN_IDS}`, [JSON.stringify(noteTexts), JSON.stringify(noteTexts)])
      : [];
    const mentionsNote = noteAttrs.length ? voucherRefsWhere(db, `attrs_id ${IN_IDS}`, [JSON.stringify(noteAttrs)]) : [];

    const findings: RuleFinding[] = [];
    for (const { key, keyString, lines } of loadVoucherGroups(db, [...noAttachment, ...mentionsNote])) {
      if (!lines.every((l) => l.hasAttachments)) continue;
      const paid = cashPaidOut(lines);
      if (paid <= 0) continue;
      const foundIn: string[] = [];
      const foundInEn: string[] = [];
      const seen = new Set<string>();
      for (const l of lines) {
        for (const w of wordsIn(l.summary, s.words, s.masks)) if (!seen.has(`s${w}`)) {
          seen.add(`s${w}`);
          foundIn.push(`摘要含“${w}”`);
          foundInEn.push(`summary contains “${w}”`);
        }
        if (wordsIn(l.receiptType, s.words, s.masks).length && !seen.has(`r${l.receiptType}`)) {
          seen.add(`r${l.receiptType}`);
          foundIn.push(`票据类型为“${l.receiptType}”`);
          foundInEn.push(`receipt type is “${l.receiptType}”`);
        }
      }
      const maxAtt = lines.reduce((m, l) => Math.max(m, l.attachments ?? 0), 0);
      const missing = maxAtt === 0 && paid > s.minAmountFen;
      if (!missing && foundIn.length === 0) continue;
      const attBlank = lines.every((l) => l.attachments === null);
      const reasons = [...(missing ? [attBlank ? '附件张数为空' : '附件张数为 0'] : []), ...foundIn];
      const reasonsEn = [...(missing ? [attBlank ? 'attachment count is blank' : 'attachment count is 0'] : []), ...foundInEn];
      findings.push({
        township: key.township,
        village: key.village,
        date: earliestDate(lines),
        vouchers: [key.voucher],
        project: lines.find((l) => l.project)?.project ?? null,
        amountFen: paid,
        reason: `凭证 ${voucherLabel(key).zh} 付出 ${formatFen(paid)}，${reasons.join('；')}，无合法原始凭证`,
        reasonEn: `Voucher ${voucherLabel(key).en} paid out ${formatFen(paid)}; ${reasonsEn.join('; ')}: no proper original document`,
        lineIds: lines.map((l) => l.id),
        sources: sourcesOf(lines),
        key: keyString,
      });
    }
    return { findings, notices };
  },
});
