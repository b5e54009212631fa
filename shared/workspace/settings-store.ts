// Rule settings: the user's overrides over each rule's defaults, validated by the rule's schema.
import type { Rule } from '../rules/types';
import type { Db } from './db';

export function loadRuleSettings(db: Db, rule: Rule): Record<string, unknown> {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(`rule:${rule.id}`) as { value: string } | undefined;
  const stored = row ? (JSON.parse(row.value) as Record<string, unknown>) : {};
  return rule.settings.parse({ ...rule.defaults, ...stored }) as Record<string, unknown>;
}

/** Validates before writing: an invalid setting throws and nothing is stored. */
export function saveRuleSettings(db: Db, rule: Rule, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = rule.settings.parse({ ...loadRuleSettings(db, rule), ...patch }) as Record<string, unknown>;
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(`rule:${rule.id}`, JSON.stringify(merged));
  return merged;
}

export function resetRuleSettings(db: Db, rule: Rule): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(`rule:${rule.id}`);
}
