import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /** SQL, or a function for what SQL alone cannot do (a format conversion), run inside the migration's transaction. */
  up: string | ((db: Database.Database) => void);
}
