import { z } from 'zod';
import type { RuleNotice } from '../contract';
import { bi, type Bilingual, type MessageKey } from '../i18n/messages';
import type { Db } from '../workspace/db';
import type { NewFinding } from '../workspace/findings-store';
import type { LedgerSnapshot } from '../workspace/ledger-snapshot';

/** What a rule returns for one problem: the shape the findings store fingerprints and keeps. */
export type RuleFinding = NewFinding;

/** A village the rule could check only in part, or not at all, and why (the ranking shows it). */
export interface CoverageGap {
  township: string;
  village: string;
  state: 'partial' | 'not-run';
  why: Bilingual;
}

export interface RuleOutput {
  findings: RuleFinding[];
  notices: RuleNotice[];
  /** Villages the rule could not (fully) check; every other village of the ledger it checked. */
  gaps?: CoverageGap[];
  /** The rule could not run at all (no project file, no roster): why. Its notice says so too. */
  notRun?: Bilingual;
}

/** Rule ids with a title, a policy and the texts of its page in the catalogue (messages-rules.ts). */
type TitledIds = { [K in MessageKey]: K extends `rule.${infer Id}.title` ? Id : never }[MessageKey];
type Documented<Id extends string> = `rule.${Id}.policy` | `rule.${Id}.detects` | `rule.${Id}.why` | `rule.${Id}.blind` extends MessageKey ? Id : never;
export type RuleId = { [Id in TitledIds]: Documented<Id> }[TitledIds];

/** What a rule reads: the whole ledger in memory (lines and vouchers as columns), and the workspace for the rest (projects, roster). */
export interface RuleContext {
  db: Db;
  ledger: LedgerSnapshot;
  /** Another rule's settings in force (a rule that leaves some lines to another asks what that one flags). */
  settingsOf(id: RuleId): Record<string, unknown>;
}

/** What every rule has besides its own settings: a switch, and its weight in the risk ranking. */
export interface CommonSettings {
  /** Off: the rule does not run, its findings leave the lists (their reviews are kept), the ranking says it was off. */
  enabled: boolean;
  /** Severity weight in the risk ranking (0–10): how much one of its findings counts. */
  weight: number;
}

/** Data beyond the ledger's required columns: a ledger column (by field) or a file (the project file, the officers' roster). */
export type RuleData = 'projects' | 'cadres' | 'attachments' | 'receiptType' | 'invoice' | 'counterparty' | 'project' | 'handler' | 'approver' | 'preparer' | 'checker' | 'bookkeeper';

/** What a rule's file declares. */
export interface RuleSpec<S extends Record<string, unknown>> {
  id: RuleId;
  /** What it cannot check without (it says so and the ranking shows it, rather than guessing). */
  needs: RuleData[];
  /** What it reads where present (checking less, or naming less, without). */
  uses?: RuleData[];
  /** A zod object: its fields are the rule's settings, each with its default. */
  settings: z.ZodType<S>;
  defaults: S;
  /** The default severity weight (1 a data-quality sign, 2 a breach to check, 3 money likely lost). */
  weight: number;
  run(ctx: RuleContext, settings: S): RuleOutput;
}

/** A rule with its texts from the catalogue, and the common settings (enabled, weight) before its own. */
export interface Rule<S extends Record<string, unknown> = Record<string, unknown>> extends Omit<RuleSpec<S & CommonSettings>, 'run'> {
  run(ctx: RuleContext, settings: S & CommonSettings): RuleOutput;
  title: string;
  titleEn: string;
  /** The policy the rule enforces, in one sentence. */
  policy: string;
  policyEn: string;
}

/** A notice about what a rule could not check, in both languages. */
export function noticeOf(rule: RuleId, text: Bilingual, file: string | null = null): RuleNotice {
  return { rule, file, message: text.zh, messageEn: text.en };
}

export function defineRule<S extends Record<string, unknown>>(spec: RuleSpec<S>): Rule<S> {
  const title = bi(`rule.${spec.id}.title`);
  const policy = bi(`rule.${spec.id}.policy`);
  if (!(spec.settings instanceof z.ZodObject)) throw new Error(`${spec.id}: settings must be a zod object`);
  const common = { enabled: z.boolean().default(true), weight: z.number().int().min(0).max(10).default(spec.weight) };
  const settings = spec.settings.extend(common) as unknown as z.ZodType<S & CommonSettings>;
  const defaults = { enabled: true, weight: spec.weight, ...spec.defaults } as S & CommonSettings;
  return { ...spec, settings, defaults, run: spec.run, title: title.zh, titleEn: title.en, policy: policy.zh, policyEn: policy.en };
}
