// Listens to the engine's import-progress events and times them, for speed and time left.
import { useEffect, useRef, useState } from 'react';
import { audit } from '../api';
import type { TimedProgress } from './ImportProgressBar';

export function useImportProgress(): { timed: TimedProgress | null; reset: () => void } {
  const [timed, setTimed] = useState<TimedProgress | null>(null);
  const startedAt = useRef<number | null>(null);
  useEffect(() => audit().onEvent((e) => {
    if (e.type !== 'import-progress') return;
    const now = performance.now();
    startedAt.current ??= now;
    setTimed({ progress: e.progress, startedAt: startedAt.current, now });
  }), []);
  return {
    timed,
    reset: () => {
      startedAt.current = performance.now();
      setTimed(null);
    },
  };
}
