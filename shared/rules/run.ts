// Running the rules over a workspace: each rule with its stored settings, the findings stored in
// one go (fingerprints keep their reviews), a summary per rule.
import type { RuleInfo, RunSummary } from '../contract';
import { fenToDecimalString } from '../format/money';
import type { Db } from '../workspace/db';
import { storeRun } from '../workspace/findings-store';
import { ledgerSnapshot } from '../workspace/ledger-snapshot';
import { loadRuleSettings } from '../workspace/settings-store';
import { RULES } from './index';
import type { Rule } from './types';

export function runRules(db: Db, o: { now: string; onProgress?: (rule: string, done: number, total: number) => void }): RunSummary {
  const started = performance.now();
  const ledger = ledgerSnapshot(db);
  const results = RULES.map((rule, i) => {
    o.onProgress?.(rule.id, i, RULES.length);
    return { rule: rule.id, ...rule.run({ db, ledger }, loadRuleSettings(db, rule)) };
  });
  o.onProgress?.('', RULES.length, RULES.length);
  storeRun(db, results, o.now);
  const summary = RULES.map((rule, i) => {
    const findings = results[i]?.findings ?? [];
    const amountFen = findings.reduce((s, f) => s + f.amountFen, 0);
    return { rule: rule.id, title: rule.title, titleEn: rule.titleEn, count: findings.length, amountFen, amount: fenToDecimalString(amountFen) };
  });
  return {
    rules: summary,
    notices: results.flatMap((r) => r.notices),
    total: summary.reduce((s, r) => s + r.count, 0),
    totalAmountFen: summary.reduce((s, r) => s + r.amountFen, 0),
    durationMs: Math.round(performance.now() - started),
  };
}

/** A rule as the settings screen shows it: its texts, the settings in force and the defaults. */
export function ruleInfo(db: Db, rule: Rule): RuleInfo {
  return {
    id: rule.id, title: rule.title, titleEn: rule.titleEn, policy: rule.policy, policyEn: rule.policyEn,
    settings: loadRuleSettings(db, rule), defaults: rule.defaults,
  };
}
