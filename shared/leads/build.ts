// Case leads (问题线索): the findings not dismissed, one lead per village and problem,
// numbered per township in a fixed order so the same findings always give the same numbers.
import type { Finding, Lead, SourceRef } from '../contract';
import { fenToDecimalString, formatFen } from '../format/money';
import { zh } from '../i18n/messages';
import type { Rule } from '../rules/types';

export function buildLeads(findings: Finding[], rules: Rule[]): Lead[] {
  const groups = new Map<string, Finding[]>();
  const live = findings.filter((f) => f.status !== 'dismissed');
  const ruleOrder = new Map<string, number>(rules.map((r, i) => [r.id, i]));
  live.sort((a, b) =>
    a.township.localeCompare(b.township, 'zh-CN') || a.village.localeCompare(b.village, 'zh-CN') ||
    (ruleOrder.get(a.rule) ?? 99) - (ruleOrder.get(b.rule) ?? 99) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const f of live) {
    const k = `${f.township}\n${f.village}\n${f.rule}`;
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const perTownship = new Map<string, number>();
  const leads: Lead[] = [];
  for (const g of groups.values()) {
    const first = g[0] as Finding;
    const n = (perTownship.get(first.township) ?? 0) + 1;
    perTownship.set(first.township, n);
    const rule = rules.find((r) => r.id === first.rule);
    const amountFen = g.reduce((s, f) => s + f.amountFen, 0);
    const vouchers = [...new Set(g.flatMap((f) => f.vouchers))];
    const dates = [...new Set(g.map((f) => f.date))].sort();
    const sources: SourceRef[] = g.flatMap((f) => f.sources);
    const problem = rule?.title ?? first.rule;
    leads.push({
      number: `${first.township}-${String(n).padStart(3, '0')}`,
      township: first.township,
      village: first.village,
      rule: first.rule,
      problem,
      amountFen,
      amount: fenToDecimalString(amountFen),
      vouchers,
      dates,
      sources,
      findingIds: g.map((f) => f.id),
      summary: zh('lead.candidate.summary', {
        place: `${first.township}${first.village}`,
        span: dates.length > 1 ? zh('lead.span', { from: dates[0] ?? '', to: dates[dates.length - 1] ?? '' }) : (dates[0] ?? ''),
        problem, count: g.length, amount: formatFen(amountFen), reasons: g.map((f) => f.reason).join(zh('fmt.items')),
      }),
    });
  }
  return leads;
}
