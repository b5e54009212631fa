// The one message catalogue: every text a user reads, Simplified Chinese first, English second.
// Placeholders are {name}. The engine, the CLI, the shell and the renderer all format from here.
// Split by domain into messages-*.ts; a key belongs to exactly one of them (test/unit/messages.test.ts).
import type { Lang } from '../contract/types';
import { analyticsMessages } from './messages-analytics';
import { cliMessages } from './messages-cli';
import { commonMessages } from './messages-common';
import { errorMessages } from './messages-errors';
import { importMessages } from './messages-import';
import { integrityMessages } from './messages-integrity';
import { leadMessages } from './messages-leads';
import { ruleMessages } from './messages-rules';
import { uiAnalyticsMessages } from './messages-ui-analytics';
import { teamMessages } from './messages-team';
import { uiTeamMessages } from './messages-ui-team';
import { uiAppMessages } from './messages-ui-app';
import { uiFindingsMessages } from './messages-ui-findings';
import { uiImportMessages } from './messages-ui-import';
import { uiLeadsMessages } from './messages-ui-leads';
import { uiRectificationMessages } from './messages-ui-rectification';
import { shellMessages } from './messages-shell';
import { uiSettingsMessages } from './messages-ui-settings';

export const messages = {
  ...commonMessages,
  ...importMessages,
  ...ruleMessages,
  ...errorMessages,
  ...integrityMessages,
  ...uiAppMessages,
  ...uiImportMessages,
  ...uiFindingsMessages,
  ...uiSettingsMessages,
  ...leadMessages,
  ...uiLeadsMessages,
  ...uiRectificationMessages,
  ...cliMessages,
  ...shellMessages,
  ...analyticsMessages,
  ...uiAnalyticsMessages,
  ...teamMessages,
  ...uiTeamMessages,
} as const;

export type MessageKey = keyof typeof messages;

/** A text in both languages: a catalogue entry filled in, or parts of one joined. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Placeholder values; a Bilingual value is put in each language's own words. */
export type Params = Record<string, string | number | Bilingual>;

/** A template split once into its text and its placeholders (odd indices): filling is then a loop, not a regex. */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
}

function fill(template: string, params: Params, lang: Lang): string {
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i] as string;
    const v = params[k];
    out += v === undefined ? `{${k}}` : typeof v === 'object' ? v[lang] : String(v);
    out += parts[i + 1] as string;
  }
  return out;
}

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return fill(messages[key][lang], params, lang);
}

/** The Chinese text, for what is written in Chinese whatever the UI's language: the commissions' documents, a lead's stored texts. */
export function zh(key: MessageKey, params: Params = {}): string {
  return t('zh', key, params);
}

/** One entry filled in, in both languages. */
export function bi(key: MessageKey, params: Params = {}): Bilingual {
  return { zh: t('zh', key, params), en: t('en', key, params) };
}

/** Bilingual parts joined, each language with its own separator (、 and ", "; ； and "; "). */
export function joinBi(parts: readonly Bilingual[], sep: MessageKey): Bilingual {
  return { zh: parts.map((p) => p.zh).join(t('zh', sep)), en: parts.map((p) => p.en).join(t('en', sep)) };
}

/** Names listed in each language's way: 1月、2月 / 1月, 2月. */
export function listBi(items: readonly string[]): Bilingual {
  return { zh: items.join(t('zh', 'fmt.list')), en: items.join(t('en', 'fmt.list')) };
}

/** Both languages at once, for results that cross the contract. */
export function both(key: MessageKey, params: Params = {}): { message: string; messageEn: string } {
  const m = bi(key, params);
  return { message: m.zh, messageEn: m.en };
}
