import type { Db } from '../db';

export interface Migration {
  version: number;
  name: string;
  /** SQL, or a function for what SQL alone cannot do (a format conversion), run inside the migration's transaction. */
  up: string | ((db: Db) => void);
  /** A step in code after the SQL, in the same transaction (e.g. sealing what is already there with hashes). */
  then?: (db: Db) => void;
}
