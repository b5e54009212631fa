import type { z } from 'zod';
import type { RuleNotice } from '../contract';
import { bi, type MessageKey } from '../i18n/messages';
import type { Db } from '../workspace/db';
import type { NewFinding } from '../workspace/findings-store';
import type { LedgerSnapshot } from '../workspace/ledger-snapshot';

/** What a rule returns for one problem: the shape the findings store fingerprints and keeps. */
export type RuleFinding = NewFinding;

export interface RuleOutput {
  findings: RuleFinding[];
  notices: RuleNotice[];
}

/** Rule ids with a title and a policy in the catalogue (`rule.<id>.title`, `rule.<id>.policy` in messages-rules.ts). */
type TitledIds = { [K in MessageKey]: K extends `rule.${infer Id}.title` ? Id : never }[MessageKey];
export type RuleId = { [Id in TitledIds]: `rule.${Id}.policy` extends MessageKey ? Id : never }[TitledIds];

/** What a rule reads: the whole ledger in memory (lines and vouchers as columns), and the workspace for the rest (projects, roster). */
export interface RuleContext {
  db: Db;
  ledger: LedgerSnapshot;
}

/** What a rule's file declares. */
export interface RuleSpec<S extends Record<string, unknown>> {
  id: RuleId;
  settings: z.ZodType<S>;
  defaults: S;
  run(ctx: RuleContext, settings: S): RuleOutput;
}

/** A rule with its texts from the catalogue. */
export interface Rule<S extends Record<string, unknown> = Record<string, unknown>> extends RuleSpec<S> {
  title: string;
  titleEn: string;
  /** The policy the rule enforces, in one sentence. */
  policy: string;
  policyEn: string;
}

export function defineRule<S extends Record<string, unknown>>(spec: RuleSpec<S>): Rule<S> {
  const title = bi(`rule.${spec.id}.title`);
  const policy = bi(`rule.${spec.id}.policy`);
  return { ...spec, title: title.zh, titleEn: title.en, policy: policy.zh, policyEn: policy.en };
}
