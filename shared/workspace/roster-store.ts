// The officers' roster (村干部名册) as the rules read it: who held which post in which village, and when.
import type { Cadre } from '../contract';
import type { Db } from './db';

/** An officer's term as the roster gives it (termEnd null: still in office). */
export type RosterEntry = Omit<Cadre, 'file' | 'line'>;

export function loadRoster(db: Db): RosterEntry[] {
  return db.prepare<[], RosterEntry>(`SELECT township, village, name, post, term_start AS termStart, term_end AS termEnd FROM cadres
    ORDER BY township, village, term_start, id`).all();
}
