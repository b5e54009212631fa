// Keyboard review: J/K move, Y confirm, N dismiss. Ignored while typing in a field.
import { useEffect, useRef } from 'react';

export interface ReviewKeys {
  next: () => void;
  previous: () => void;
  confirm: () => void;
  dismiss: () => void;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function useReviewKeys(keys: ReviewKeys, enabled: boolean): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const action = { j: 'next', k: 'previous', y: 'confirm', n: 'dismiss' }[e.key.toLowerCase()] as keyof ReviewKeys | undefined;
      if (!action) return;
      e.preventDefault();
      ref.current[action]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
