// Every keyboard shortcut of the app, in one list: the help (`?`) shows it, and the keys the
// screens handle are these.
import type { MessageKey } from '../../shared/i18n/messages';

export interface Shortcut {
  keys: string[];
  what: MessageKey;
}

export const SHORTCUT_GROUPS: { title: MessageKey; items: Shortcut[] }[] = [
  {
    title: 'ui.keys.group.findings',
    items: [
      { keys: ['J'], what: 'ui.keys.next' },
      { keys: ['K'], what: 'ui.keys.previous' },
      { keys: ['Y'], what: 'ui.keys.confirm' },
      { keys: ['N'], what: 'ui.keys.dismiss' },
      { keys: ['U'], what: 'ui.keys.reset' },
      { keys: ['L'], what: 'ui.keys.ledger' },
      { keys: ['Ctrl', 'Z'], what: 'ui.keys.undo' },
      { keys: ['/'], what: 'ui.keys.search' },
      { keys: ['Ctrl', 'Enter'], what: 'ui.keys.note-confirm' },
      { keys: ['Esc'], what: 'ui.keys.note-leave' },
    ],
  },
  {
    title: 'ui.keys.group.app',
    items: [
      { keys: ['?'], what: 'ui.keys.help' },
      { keys: ['Ctrl', 'O'], what: 'ui.keys.open' },
      { keys: ['Ctrl', 'I'], what: 'ui.keys.import' },
    ],
  },
];

/** The key is being typed into a field, not meant for a shortcut. */
export function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
