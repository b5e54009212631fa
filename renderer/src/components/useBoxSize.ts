// The size a box has in the layout, kept current (ResizeObserver): tables fill what is left of
// the window at 1366×768 as at 1920×1080.
import { useEffect, useRef, useState } from 'react';

export function useBoxSize<T extends HTMLElement = HTMLDivElement>(): [React.RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const r = entry?.contentRect;
      if (r) setSize({ width: Math.floor(r.width), height: Math.floor(r.height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
