// Running the rules over a workspace: each rule with its stored settings (switched-off ones say so
// and do not run), the findings stored in one go (fingerprints keep their reviews), what each rule
// could check per village and each village's totals (for the risk ranking), a summary per rule.
import type { RuleInfo, RuleNotice, RunSummary } from '../contract';
import { fenToDecimalString } from '../format/money';
import { both, type Bilingual } from '../i18n/messages';
import { writeTx, type Db } from '../workspace/db';
import { beginRun } from '../workspace/findings-store';
import { dateText } from '../workspace/ledger-encoder';
import { ledgerSnapshot, type LedgerSnapshot } from '../workspace/ledger-snapshot';
import { storeCoverage, type CoverageRow, type VillageStatsRow } from '../workspace/ranking-store';
import { loadRuleSettings } from '../workspace/settings-store';
import { RULES } from './index';
import { places, releaseFacts } from './ledger-facts';
import type { Rule, RuleContext, RuleOutput } from './types';

/** What the run keeps of a rule once its findings are stored: the counts, what it could check, its notices. */
interface RuleResult extends Omit<RuleOutput, 'findings'> {
  rule: string;
  off: boolean;
  ms: number;
  count: number;
  amountFen: number;
}

export function runRules(db: Db, o: { now: string; onProgress?: (rule: string, done: number, total: number) => void }): RunSummary {
  const started = performance.now();
  const ledger = ledgerSnapshot(db);
  const settings = new Map(RULES.map((r) => [r.id, loadRuleSettings(db, r)]));
  const ctx: RuleContext = { db, ledger, settingsOf: (id) => settings.get(id) ?? {} };
  const results: RuleResult[] = [];
  // One transaction: each rule's findings are written as soon as it has run and then let go, so
  // only one rule's findings are in memory at a time (the engine's heap is bounded).
  writeTx(db, () => {
    const writer = beginRun(db, o.now);
    RULES.forEach((rule, i) => {
      o.onProgress?.(rule.id, i, RULES.length);
      const s = settings.get(rule.id) as Rule['defaults'];
      if (s.enabled === false) {
        const off: RuleNotice = { rule: rule.id, file: null, ...both('rule.off', { title: { zh: rule.title, en: rule.titleEn } }) };
        writer.add(rule.id, [], [off]);
        results.push({ rule: rule.id, notices: [off], off: true, ms: 0, count: 0, amountFen: 0 });
        return;
      }
      const t0 = performance.now();
      const { findings, ...out } = rule.run(ctx, s);
      const ms = performance.now() - t0;
      writer.add(rule.id, findings, out.notices);
      results.push({ rule: rule.id, ...out, off: false, ms, count: findings.length, amountFen: findings.reduce((n, f) => n + f.amountFen, 0) });
    });
    writer.finish();
    storeCoverage(db, coverageOf(ledger, results), villageStats(ledger));
  });
  o.onProgress?.('', RULES.length, RULES.length);
  // The facts the rules shared are not kept with the snapshot.
  releaseFacts(ledger);
  const summary = RULES.map((rule, i) => {
    const r = results[i] as RuleResult;
    return {
      rule: rule.id, title: rule.title, titleEn: rule.titleEn, count: r.count, amountFen: r.amountFen, amount: fenToDecimalString(r.amountFen),
      enabled: !r.off, ms: Math.round(r.ms * 10) / 10,
    };
  });
  return {
    rules: summary,
    notices: results.flatMap((r) => r.notices),
    total: summary.reduce((s, r) => s + r.count, 0),
    totalAmountFen: summary.reduce((s, r) => s + r.amountFen, 0),
    durationMs: Math.round(performance.now() - started),
    rulesMs: Math.round(results.reduce((s, r) => s + r.ms, 0)),
  };
}

/** Per rule and village: what it could check. A village the rule names no gap for, it checked. */
export function coverageOf(ledger: LedgerSnapshot, results: readonly RuleResult[]): CoverageRow[] {
  const villages = places(ledger).villages;
  const rows: CoverageRow[] = [];
  const row = (rule: string, v: { township: string; village: string }, state: CoverageRow['state'], why: Bilingual | null): CoverageRow =>
    ({ rule, township: v.township, village: v.village, state, why: why?.zh ?? '', whyEn: why?.en ?? '' });
  for (const r of results) {
    const gaps = new Map((r.gaps ?? []).map((g) => [`${g.township}\n${g.village}`, g]));
    for (const v of villages) {
      if (r.off) rows.push(row(r.rule, v, 'off', null));
      else if (r.notRun) rows.push(row(r.rule, v, 'not-run', r.notRun));
      else {
        const g = gaps.get(`${v.township}\n${v.village}`);
        rows.push(g ? row(r.rule, v, g.state, g.why) : row(r.rule, v, 'ran', null));
      }
    }
  }
  return rows;
}

/** Per village: its lines and vouchers, the payments among them and what they paid out, its first and last date. */
export function villageStats(ledger: LedgerSnapshot): VillageStatsRow[] {
  const p = places(ledger);
  const n = p.villages.length;
  const lines = new Float64Array(n);
  const vouchers = new Float64Array(n);
  const payments = new Float64Array(n);
  const spending = new Float64Array(n);
  const first = new Int32Array(n).fill(99991231);
  const last = new Int32Array(n);
  const vs = ledger.vouchers;
  for (let v = 0; v < vs.count; v++) {
    const vi = p.village[v] as number;
    vouchers[vi] = (vouchers[vi] as number) + 1;
    lines[vi] = (lines[vi] as number) + (vs.lineCount[v] as number);
    const out = vs.cashOut[v] as number;
    if (out > 0) {
      payments[vi] = (payments[vi] as number) + 1;
      spending[vi] = (spending[vi] as number) + out;
    }
  }
  for (let i = 0; i < ledger.lines.count; i++) {
    const vi = p.village[ledger.lines.voucher[i] as number] as number;
    const d = ledger.lines.date[i] as number;
    if (d < (first[vi] as number)) first[vi] = d;
    if (d > (last[vi] as number)) last[vi] = d;
  }
  return p.villages.map((v, i) => ({
    township: v.township, village: v.village, lines: lines[i] as number, vouchers: vouchers[i] as number, payments: payments[i] as number,
    spendingFen: spending[i] as number, firstDate: dateText(first[i] as number), lastDate: dateText(last[i] as number),
  }));
}

/** A rule as the settings screen shows it: its texts, the settings in force and the defaults. */
export function ruleInfo(db: Db, rule: Rule): RuleInfo {
  return {
    id: rule.id, title: rule.title, titleEn: rule.titleEn, policy: rule.policy, policyEn: rule.policyEn,
    settings: loadRuleSettings(db, rule), defaults: rule.defaults, needs: rule.needs, uses: rule.uses ?? [],
  };
}
