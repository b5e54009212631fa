import type { z } from 'zod';
import type { RuleNotice } from '../contract';
import type { Db } from '../workspace/db';
import type { NewFinding } from '../workspace/findings-store';

/** What a rule returns for one problem: the shape the findings store fingerprints and keeps. */
export type RuleFinding = NewFinding;

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
