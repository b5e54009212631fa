// The one message catalogue: every text a user reads, Simplified Chinese first, English second.
// Placeholders are {name}. The engine, the CLI, the shell and the renderer all format from here.
// Split by domain into messages-*.ts; a key belongs to exactly one of them (test/unit/messages.test.ts).
import { errorMessages } from './messages-errors';
import { importMessages } from './messages-import';
import { leadMessages } from './messages-leads';
import { ruleMessages } from './messages-rules';
import { uiAppMessages } from './messages-ui-app';
import { uiFindingsMessages } from './messages-ui-findings';
import { uiImportMessages } from './messages-ui-import';
import { uiLeadsMessages } from './messages-ui-leads';
import { uiRectificationMessages } from './messages-ui-rectification';
import { uiSettingsMessages } from './messages-ui-settings';

export const messages = {
  ...importMessages,
  ...ruleMessages,
  ...errorMessages,
  ...uiAppMessages,
  ...uiImportMessages,
  ...uiFindingsMessages,
  ...uiSettingsMessages,
  ...leadMessages,
  ...uiLeadsMessages,
  ...uiRectificationMessages,
} as const;

export type MessageKey = keyof typeof messages;
export type Params = Record<string, string | number>;

export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function t(lang: 'zh' | 'en', key: MessageKey, params: Params = {}): string {
  return fill(messages[key][lang], params);
}

/** Both languages at once, for results that cross the contract. */
export function both(key: MessageKey, params: Params = {}): { message: string; messageEn: string } {
  return { message: t('zh', key, params), messageEn: t('en', key, params) };
}
