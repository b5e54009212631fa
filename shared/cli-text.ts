// How the command line writes: both languages on one line, "中文 (English)", since one terminal
// serves auditors and whoever runs the tools; Chinese alone for what the commissions' documents
// say (zh in the catalogue); widths counted in terminal columns.
import { t, type MessageKey, type Params } from './i18n/messages';

/** `工作区 (workspace)`: a catalogue entry in Chinese, then in English in brackets. */
export function line(key: MessageKey, params: Params = {}): string {
  return `${t('zh', key, params)} (${t('en', key, params)})`;
}

/** Columns a string takes in a terminal, where a Chinese character takes two. */
export function displayWidth(s: string): number {
  return [...s].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
}

export function padDisplay(s: string, width: number, start = false): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return start ? pad + s : s + pad;
}

/** Cut to at most `width` terminal columns, with … where it was cut. */
export function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
