// 白条入账: a payment without a proper original document.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { bi, both, joinBi, type Bilingual } from '../i18n/messages';
import { defineRule, type RuleFinding } from './types';
import { attrIdsWhere, cashPaidOut, earliestDate, IN_IDS, loadVoucherGroups, sourcesOf, textIdsWhere, voucherLabel, voucherRefsWhere, wordsIn } from './voucher-lines';

/* eslint-disable no-restricted-syntax -- the default words are data, matched against ledger texts */
const settings = z.object({
  /** Words that mean an informal note instead of an invoice. */
  words: z.array(z.string().min(1)).default(['白条', '收条', '欠条', '打条']),
  /** Look-alike phrases masked out before matching (打条幅 is a banner, not a note). */
  masks: z.array(z.string().min(1)).default(['条幅']),
  /** Payments at or below this amount (fen) are not flagged for a missing attachment alone. */
  minAmountFen: z.number().int().min(0).default(0),
});
/* eslint-enable no-restricted-syntax */
type Settings = z.infer<typeof settings>;

export const unreceipted = defineRule<Settings>({
  id: 'unreceipted',
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
      const foundIn: Bilingual[] = [];
      const seen = new Set<string>();
      for (const l of lines) {
        for (const w of wordsIn(l.summary, s.words, s.masks)) if (!seen.has(`s${w}`)) {
          seen.add(`s${w}`);
          foundIn.push(bi('rule.why.summary', { word: w }));
        }
        if (wordsIn(l.receiptType, s.words, s.masks).length && !seen.has(`r${l.receiptType}`)) {
          seen.add(`r${l.receiptType}`);
          foundIn.push(bi('rule.unreceipted.why.receipt-type', { type: l.receiptType }));
        }
      }
      const maxAtt = lines.reduce((m, l) => Math.max(m, l.attachments ?? 0), 0);
      const missing = maxAtt === 0 && paid > s.minAmountFen;
      if (!missing && foundIn.length === 0) continue;
      const attBlank = lines.every((l) => l.attachments === null);
      const reasons = [...(missing ? [bi(attBlank ? 'rule.unreceipted.why.attachments-blank' : 'rule.unreceipted.why.attachments-zero')] : []), ...foundIn];
      const reason = bi('rule.unreceipted.reason', { voucher: voucherLabel(key), amount: formatFen(paid), reasons: joinBi(reasons, 'fmt.items') });
      findings.push({
        township: key.township,
        village: key.village,
        date: earliestDate(lines),
        vouchers: [key.voucher],
        project: lines.find((l) => l.project)?.project ?? null,
        amountFen: paid,
        reason: reason.zh,
        reasonEn: reason.en,
        lineIds: lines.map((l) => l.id),
        sources: sourcesOf(lines),
        key: keyString,
      });
    }
    return { findings, notices };
  },
});
