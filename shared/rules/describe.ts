// A rule described in words, for its page (docs/rules/<id>.md), the CLI's `rules` and the
// settings screen: its texts from the catalogue, the data it needs, each setting's meaning and default.
import { formatFen } from '../format/money';
import { bi, listBi, messages, type Bilingual, type MessageKey } from '../i18n/messages';
import type { Rule } from './types';

const isKey = (k: string): k is MessageKey => k in messages;

/** A ledger column (by field), or the project file or roster. */
export function dataLabel(d: string): Bilingual {
  if (d === 'projects' || d === 'cadres') return bi(`rule.needs.${d}`);
  const k = `ui.field.${d}`;
  return isKey(k) ? bi(k) : { zh: d, en: d };
}

/** What a setting means: the rule's own text, else the common one, else its name. */
export function settingText(ruleId: string, key: string): Bilingual {
  for (const k of [`rule.${ruleId}.setting.${key}`, `ui.settings.key.${key}`]) if (isKey(k)) return bi(k);
  return { zh: key, en: key };
}

/** A setting's value as a person reads it: money (…Fen) in yuan, lists joined, empty as —. */
export function settingValue(key: string, v: unknown): Bilingual {
  const one = (x: unknown): string => (key.endsWith('Fen') && typeof x === 'number' ? formatFen(x) : String(x));
  if (Array.isArray(v)) return v.length ? listBi(v.map(one)) : { zh: '—', en: '—' };
  if (v === '' || v === null || v === undefined) return { zh: '—', en: '—' };
  if (typeof v === 'boolean') return bi(v ? 'rule.setting.on' : 'rule.setting.off');
  const s = one(v);
  return { zh: s, en: s };
}

export interface RuleDescription {
  id: string;
  title: Bilingual;
  policy: Bilingual;
  detects: Bilingual;
  why: Bilingual;
  blindSpots: Bilingual;
  needs: Bilingual[];
  uses: Bilingual[];
  settings: { key: string; default: unknown; value: Bilingual; meaning: Bilingual }[];
}

export function describeRule(rule: Rule): RuleDescription {
  const id = rule.id;
  return {
    id,
    title: { zh: rule.title, en: rule.titleEn },
    policy: { zh: rule.policy, en: rule.policyEn },
    detects: bi(`rule.${id}.detects`),
    why: bi(`rule.${id}.why`),
    blindSpots: bi(`rule.${id}.blind`),
    needs: rule.needs.map(dataLabel),
    uses: (rule.uses ?? []).map(dataLabel),
    settings: Object.entries(rule.defaults).map(([key, v]) => ({ key, default: v, value: settingValue(key, v), meaning: settingText(id, key) })),
  };
}
