// Keyboard review (the list in shortcuts.ts): J/K move, Y confirm, N dismiss, U back to pending,
// L the ledger around the finding, Ctrl+Z undoes the last decision. Ignored while typing in a
// field (there Ctrl+Z is the field's own undo).
import { useEffect, useRef } from 'react';
import { typing } from '../shortcuts';

export interface ReviewKeys {
  next: () => void;
  previous: () => void;
  confirm: () => void;
  dismiss: () => void;
  reset: () => void;
  ledger: () => void;
  undo: () => void;
}

const PLAIN: Record<string, keyof ReviewKeys> = { j: 'next', k: 'previous', y: 'confirm', n: 'dismiss', u: 'reset', l: 'ledger' };

export function useReviewKeys(keys: ReviewKeys, enabled: boolean): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.altKey) return;
      if (e.ctrlKey || e.metaKey) {
        // Handled here, so the desktop menu's Edit → Undo (a text field's undo) does not run too.
        if (e.key.toLowerCase() === 'z' && !e.shiftKey) {
          e.preventDefault();
          ref.current.undo();
        }
        return;
      }
      const action = PLAIN[e.key.toLowerCase()];
      if (!action) return;
      e.preventDefault();
      ref.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
