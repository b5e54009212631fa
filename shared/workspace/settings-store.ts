// Rule settings: the user's overrides over each rule's defaults, validated by the rule's schema.
import type { z } from 'zod';
import type { Db } from './db';

/** What this store needs of a rule (shared/rules/types.ts's Rule has it): its id, settings schema and defaults. */
export interface RuleSettingsSpec {
  id: string;
  settings: z.ZodType<Record<string, unknown>>;
  defaults: Record<string, unknown>;
}

export function loadRuleSettings(db: Db, rule: RuleSettingsSpec): Record<string, unknown> {
  const row = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(`rule:${rule.id}`);
  const stored = row === undefined ? {} : (JSON.parse(row) as Record<string, unknown>);
  return rule.settings.parse({ ...rule.defaults, ...stored });
}

/** Validates before writing: an invalid setting throws and nothing is stored. */
export function saveRuleSettings(db: Db, rule: RuleSettingsSpec, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = rule.settings.parse({ ...loadRuleSettings(db, rule), ...patch });
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(`rule:${rule.id}`, JSON.stringify(merged));
  return merged;
}

export function resetRuleSettings(db: Db, rule: RuleSettingsSpec): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(`rule:${rule.id}`);
}
