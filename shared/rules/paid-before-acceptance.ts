// 验收前支付工程款: a project paid more than a share of its contract before it was accepted.
import Decimal from 'decimal.js';
import { z } from 'zod';
import { formatFen, prorateFen } from '../format/money';
import { bi } from '../i18n/messages';
import { figuresOf, projectPayments } from './payment-exceeds-acceptance';
import { defineRule, noticeOf, type CoverageGap, type RuleFinding } from './types';
import { findingOn, sourceRef } from './voucher-lines';

const settings = z.object({
  /** What may be paid before acceptance, in percent of the contract (progress payments); the rest waits for acceptance. */
  sharePercent: z.number().int().min(0).max(100).default(70),
});
type Settings = z.infer<typeof settings>;

export const paidBeforeAcceptance = defineRule<Settings>({
  id: 'paid-before-acceptance',
  needs: ['projects', 'project'],
  settings,
  defaults: settings.parse({}),
  weight: 2,
  run({ db, ledger }, s) {
    const payments = projectPayments(db, ledger);
    if (payments.length === 0) {
      const why = bi('rule.paid-before-acceptance.no-projects');
      return { findings: [], notices: [noticeOf('paid-before-acceptance', why)], notRun: why };
    }
    const findings: RuleFinding[] = [];
    const undated = payments.filter((p) => !p.project.acceptedDate);
    const gaps: CoverageGap[] = [...new Map(undated.map((p) => [`${p.project.township}\n${p.project.village}`, p.project])).values()]
      .map((p) => ({ township: p.township, village: p.village, state: 'partial', why: bi('rule.paid-before-acceptance.undated', { count: undated.filter((u) => u.project.village === p.village && u.project.township === p.township).length }) }));
    for (const p of payments) {
      const accepted = p.project.acceptedDate;
      if (!accepted) continue;
      const before = p.paid.filter((x) => x.date < accepted);
      const paidBefore = before.reduce((n, x) => n + x.fen, 0);
      const allowed = prorateFen(p.project.contractFen, new Decimal(s.sharePercent), new Decimal(100));
      const excess = paidBefore - allowed;
      if (excess <= 0 || before.length === 0) continue;
      const last = before[before.length - 1] as (typeof before)[number];
      const reason = bi('rule.paid-before-acceptance.reason', {
        name: p.project.name, code: p.project.code, accepted, paid: formatFen(paidBefore), count: before.length, contract: formatFen(p.project.contractFen),
        share: s.sharePercent, allowed: formatFen(allowed), excess: formatFen(excess),
      });
      const f = findingOn(ledger, before.map((x) => x.voucher), { amountFen: excess, reason, key: `project|${p.project.code}`, date: last.date, project: p.project.code, details: figuresOf(p) });
      findings.push({ ...f, township: p.project.township, village: p.project.village, sources: [sourceRef(p.project), ...f.sources] });
    }
    const notices = undated.length ? [noticeOf('paid-before-acceptance', bi('rule.paid-before-acceptance.undated-notice', { count: undated.length }))] : [];
    return { findings, notices, gaps };
  },
});
