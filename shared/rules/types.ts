import type { z } from 'zod';
import type { RuleNotice, SourceRef } from '../contract';
import type { Db } from '../workspace/db';

/** What a rule returns for one problem; the service fingerprints and stores it. */
export interface RuleFinding {
  township: string;
  village: string;
  date: string;
  vouchers: string[];
  project: string | null;
  amountFen: number;
  reason: string;
  reasonEn: string;
  lineIds: number[];
  sources: SourceRef[];
  /** What identifies this problem across re-runs and re-imports (not the amount, not file ids). */
  key: string;
  details?: unknown;
}

export interface RuleOutput {
  findings: RuleFinding[];
  notices: RuleNotice[];
}

export interface Rule<S extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  title: string;
  titleEn: string;
  /** The policy the rule enforces, in one sentence. */
  policy: string;
  policyEn: string;
  settings: z.ZodType<S>;
  defaults: S;
  run(db: Db, settings: S): RuleOutput;
}

export function defineRule<S extends Record<string, unknown>>(rule: Rule<S>): Rule<S> {
  return rule;
}
