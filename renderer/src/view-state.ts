// What a screen shows (its filters, sort, the row it was on) kept while the user is elsewhere:
// per workspace, in memory and in sessionStorage (so a reload keeps it too). A screen reads its
// state when it mounts and writes it as it changes; another screen may set it before going there
// (a chart's bar opens the findings filtered).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from './context';

const PREFIX = 'va.view:';
const memory = new Map<string, unknown>();

const keyOf = (workspace: string | undefined, name: string): string => `${PREFIX}${workspace ?? ''}:${name}`;

export function loadView<T>(workspace: string | undefined, name: string, fallback: T): T {
  const key = keyOf(workspace, name);
  if (memory.has(key)) return memory.get(key) as T;
  try {
    const raw = sessionStorage.getItem(key);
    if (raw !== null) return JSON.parse(raw) as T;
  } catch {
    // unreadable: start afresh
  }
  return fallback;
}

export function saveView(workspace: string | undefined, name: string, value: unknown): void {
  const key = keyOf(workspace, name);
  memory.set(key, value);
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or refused: memory still holds it
  }
}

/** useState that outlives the screen: kept per workspace under `name`. */
export function useViewState<T>(name: string, initial: T): [T, (next: T | ((prev: T) => T)) => void] {
  const app = useApp();
  const ws = app.workspace?.path;
  const [value, setValue] = useState<T>(() => loadView(ws, name, initial));
  const latest = useRef(value);
  latest.current = value;
  // Another workspace opened while the screen shows: its own state.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    setValue(loadView(ws, name, initial));
  }, [ws, name]);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    const v = typeof next === 'function' ? (next as (p: T) => T)(latest.current) : next;
    latest.current = v;
    saveView(ws, name, v);
    setValue(v);
  }, [ws, name]);
  return [value, set];
}
