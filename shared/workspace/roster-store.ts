// The officers' roster (村干部名册) as the rules read it: who held which post in which village, and when.
import type { Db } from './db';

export interface RosterEntry {
  township: string;
  village: string;
  name: string;
  post: string;
  termStart: string;
  /** null: still in office. */
  termEnd: string | null;
}

export function loadRoster(db: Db): RosterEntry[] {
  return db.prepare<[], RosterEntry>(`SELECT township, village, name, post, term_start AS termStart, term_end AS termEnd FROM cadres
    ORDER BY township, village, term_start, id`).all();
}
