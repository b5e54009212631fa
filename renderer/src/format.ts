// Display helpers over the shared formatting: amounts as ¥1,234.50, rule titles per language.
import type { Lang, RuleInfo } from '../../shared/contract';
import { formatFen } from '../../shared/format/money';
import { messages, t, type MessageKey } from '../../shared/i18n/messages';

export { formatFen };

export function ruleTitle(rules: RuleInfo[], id: string, lang: Lang): string {
  const r = rules.find((x) => x.id === id);
  if (!r) return id;
  return lang === 'zh' ? r.title : r.titleEn;
}

/** A rule's short name for a narrow column (白条, No receipt), its title where it has none. */
export function ruleShort(rules: RuleInfo[], id: string, lang: Lang): string {
  const key = `ui.rule.short.${id}`;
  return key in messages ? t(lang, key as MessageKey) : ruleTitle(rules, id, lang);
}

/** Yuan typed by a person (may be fractional) -> integer fen, without float drift. */
export function yuanToFen(yuan: number | null | undefined): number | undefined {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return undefined;
  return Math.round(yuan * 100);
}

/** A stored ISO timestamp (UTC) as this computer's local time, `2026-11-25 16:00`. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.replace('T', ' ').slice(0, 16);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
