// The UI language (Simplified Chinese by default) and a `t` bound to it; all text comes from
// the one catalogue in shared/i18n/messages.ts.
import { createContext, useContext } from 'react';
import type { Lang } from '../../shared/contract';
import { t as translate, type MessageKey, type Params } from '../../shared/i18n/messages';

export type T = (key: MessageKey, params?: Params) => string;

export interface LangState {
  lang: Lang;
  t: T;
  setLang: (lang: Lang) => void;
}

export const LangContext = createContext<LangState>({
  lang: 'zh',
  t: (key, params) => translate('zh', key, params),
  setLang: () => undefined,
});

export function useLang(): LangState {
  return useContext(LangContext);
}

export function makeT(lang: Lang): T {
  return (key, params) => translate(lang, key, params);
}

/** Picks the language's side of a bilingual pair (engine results carry both). */
export function pick(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}
