// The window's inner height, kept current, for sizing the virtualised table.
import { useEffect, useState } from 'react';

export function useWindowHeight(): number {
  const [h, setH] = useState(window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}
