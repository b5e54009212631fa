// Turns whatever a bridge call rejected with into text in the user's language.
import type { Lang } from '../../shared/contract';

export function errorText(e: unknown, lang: Lang): string {
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; messageEn?: unknown };
    if (lang === 'en' && typeof o.messageEn === 'string' && o.messageEn) return o.messageEn;
    if (typeof o.message === 'string') return o.message;
  }
  return String(e);
}
