// 白条入账: a payment without a proper original document.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { bi, both, joinBi, type Bilingual } from '../i18n/messages';
import { fieldGaps } from './ledger-facts';
import { defineRule, type RuleFinding } from './types';
import { attrMask, cashPaidOut, earliestDate, sourcesOf, textMask, voucherGroup, voucherLabel, vouchersWhere, wordsIn } from './voucher-lines';

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
  needs: ['attachments'],
  uses: ['receiptType'],
  settings,
  defaults: settings.parse({}),
  weight: 2,
  run({ ledger }, s) {
    const notices = ledger.files.filter((f) => !f.hasAttachments)
      .map((f) => ({ rule: 'unreceipted', file: f.name, ...both('rule.no-attachments-column', { file: f.name }) }));
    // Vouchers of files without the column are not judged (see below): their villages are not (fully) checked.
    const gaps = fieldGaps(ledger, 'attachments', bi('rule.gap.no-column', { column: bi('ui.field.attachments') }));

    // The candidates, from the columns: vouchers that pay cash out with no attachment, and
    // vouchers with a line whose summary or receipt type names a note. (A voucher split over two
    // files is judged below on all its lines together.)
    const vs = ledger.vouchers;
    const candidates = new Set<number>();
    for (let v = 0; v < vs.count; v++) if ((vs.cashOut[v] as number) > s.minAmountFen && (vs.maxAttachments[v] as number) <= 0) candidates.add(v);
    const notes = attrMask(ledger, ['summary', 'receiptType'], textMask(ledger, (t) => wordsIn(t, s.words, s.masks).length > 0));
    for (const v of vouchersWhere(ledger, (i) => notes[ledger.lines.attrs[i] as number] === 1)) candidates.add(v);

    const findings: RuleFinding[] = [];
    for (const v of [...candidates].sort((a, b) => a - b)) {
      const { key, keyString, lines } = voucherGroup(ledger, v);
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
    return { findings, notices, gaps };
  },
});
