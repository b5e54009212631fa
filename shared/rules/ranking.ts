// The risk ranking: a score per village and per township from the findings of the last run, each
// score with what makes it up, and what the rules could not check there.
//
//   score = Σ over rules with findings:  weight × ( log2(1 + n) + min(100, 100 × amount / spending) )
//
// n: the rule's findings there, pending or confirmed (dismissed ones count for nothing); amount:
// theirs at issue; spending: what the books paid out (every voucher crediting cash or bank); weight:
// the rule's severity (its `weight` setting). The count term grows slowly (1 finding 1 point, 3
// findings 2, 7 findings 3), so many small flags do not drown one large one; the amount term is
// the share of the money that is at issue, in percent. A township is scored the same way on its
// villages' findings and spending together. Coverage travels with each score: a village where a
// rule could not run (a column missing, no roster, too few payments) is never shown as clean.
import type { FindingStatus, RiskPart, RiskRanking, RiskScore, RuleGap } from '../contract';
import { joinBi } from '../i18n/messages';
import type { Db } from '../workspace/db';
import { findingTotals, loadCoverage, loadVillageStats, type CoverageRow, type FindingTotal } from '../workspace/ranking-store';
import { loadRuleSettings } from '../workspace/settings-store';
import { RULES } from './index';

/** What a finding of each review status counts for: a dismissed one, nothing. */
const STATUS_FACTOR: Record<FindingStatus, number> = { pending: 1, confirmed: 1, dismissed: 0 };

const round2 = (x: number): number => Math.round(x * 100) / 100;

interface Tally {
  township: string;
  village: string | null;
  spendingFen: number;
  payments: number;
  villages: number;
  byRule: Map<string, { findings: number; confirmed: number; dismissed: number; amountFen: number }>;
  coverage: CoverageRow[];
}

/** One rule's points: weight × (log2(1 + n) + min(100, 100 × amount / spending)). */
export function rulePoints(weight: number, findings: number, amountFen: number, spendingFen: number): Pick<RiskPart, 'sharePercent' | 'countPoints' | 'amountPoints' | 'points'> {
  const share = spendingFen > 0 ? (100 * amountFen) / spendingFen : amountFen > 0 ? 100 : 0;
  const countPoints = findings > 0 ? Math.log2(1 + findings) : 0;
  const amountPoints = findings > 0 ? Math.min(100, share) : 0;
  return { sharePercent: round2(share), countPoints: round2(countPoints), amountPoints: round2(amountPoints), points: weight * (countPoints + amountPoints) };
}

function score(t: Tally, weights: Map<string, number>): Omit<RiskScore, 'rank'> {
  const parts: RiskPart[] = [];
  let total = 0;
  let findings = 0;
  let dismissed = 0;
  let amountFen = 0;
  for (const rule of RULES) {
    const r = t.byRule.get(rule.id);
    if (!r) continue;
    const weight = weights.get(rule.id) ?? rule.defaults.weight;
    const p = rulePoints(weight, r.findings, r.amountFen, t.spendingFen);
    total += p.points;
    findings += r.findings;
    dismissed += r.dismissed;
    amountFen += r.amountFen;
    parts.push({ rule: rule.id, weight, findings: r.findings, confirmed: r.confirmed, dismissed: r.dismissed, amountFen: r.amountFen, ...p, points: round2(p.points) });
  }
  parts.sort((a, b) => b.points - a.points || b.amountFen - a.amountFen);
  return {
    township: t.township, village: t.village, score: round2(total), spendingFen: t.spendingFen, payments: t.payments, villages: t.villages,
    findings, dismissed, amountFen, parts, ...coverage(t),
  };
}

/** Rules that checked everything here, and the gaps: per rule, the worst state and its reasons (a township: in how many villages). */
function coverage(t: Tally): Pick<RiskScore, 'rulesRan' | 'rulesTotal' | 'gaps'> {
  const gaps: RuleGap[] = [];
  for (const rule of RULES) {
    const rows = t.coverage.filter((c) => c.rule === rule.id && c.state !== 'ran');
    if (rows.length === 0) continue;
    const state = rows.some((r) => r.state === 'off') ? 'off' : rows.every((r) => r.state === 'not-run') && rows.length === t.villages ? 'not-run' : 'partial';
    const whys = [...new Map(rows.filter((r) => r.why).map((r) => [r.why, r])).values()];
    const why = joinBi(whys.map((r) => ({ zh: r.why, en: r.whyEn })), 'fmt.items');
    const gap: RuleGap = { rule: rule.id, state, why: why.zh, whyEn: why.en };
    if (t.village === null) gap.villages = rows.length;
    gaps.push(gap);
  }
  const covered = new Set(t.coverage.map((c) => c.rule));
  return { rulesRan: RULES.filter((r) => covered.has(r.id) && !gaps.some((g) => g.rule === r.id)).length, rulesTotal: RULES.length, gaps };
}

function add(t: Tally, f: FindingTotal): void {
  const e = t.byRule.get(f.rule) ?? { findings: 0, confirmed: 0, dismissed: 0, amountFen: 0 };
  const factor = STATUS_FACTOR[f.status];
  if (factor === 0) e.dismissed += f.count;
  else {
    e.findings += f.count;
    e.amountFen += f.amountFen;
    if (f.status === 'confirmed') e.confirmed += f.count;
  }
  t.byRule.set(f.rule, e);
}

function ranked(scores: Omit<RiskScore, 'rank'>[]): RiskScore[] {
  return scores
    .sort((a, b) => b.score - a.score || b.amountFen - a.amountFen || a.township.localeCompare(b.township, 'zh-CN') || (a.village ?? '').localeCompare(b.village ?? '', 'zh-CN'))
    .map((s, i) => ({ rank: i + 1, ...s }));
}

/** Every village of the last run and every township, ranked by score, highest first. */
export function riskRanking(db: Db): RiskRanking {
  const weights = new Map(RULES.map((r) => [r.id, loadRuleSettings(db, r).weight as number]));
  const villages = new Map<string, Tally>();
  const townships = new Map<string, Tally>();
  const tally = (map: Map<string, Tally>, township: string, village: string | null): Tally => {
    const k = `${township}\n${village ?? ''}`;
    let t = map.get(k);
    if (!t) map.set(k, (t = { township, village, spendingFen: 0, payments: 0, villages: village === null ? 0 : 1, byRule: new Map(), coverage: [] }));
    return t;
  };
  for (const s of loadVillageStats(db)) {
    const v = tally(villages, s.township, s.village);
    const t = tally(townships, s.township, null);
    v.spendingFen = s.spendingFen;
    v.payments = s.payments;
    t.spendingFen += s.spendingFen;
    t.payments += s.payments;
    t.villages += 1;
  }
  for (const c of loadCoverage(db)) {
    tally(villages, c.township, c.village).coverage.push(c);
    tally(townships, c.township, null).coverage.push(c);
  }
  for (const f of findingTotals(db)) {
    add(tally(villages, f.township, f.village), f);
    add(tally(townships, f.township, null), f);
  }
  return {
    villages: ranked([...villages.values()].map((t) => score(t, weights))),
    townships: ranked([...townships.values()].map((t) => score(t, weights))),
  };
}
