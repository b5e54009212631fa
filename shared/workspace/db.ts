// Opening a workspace: one SQLite file, brought to the latest schema one migration at a time.
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export function openDb(path: string, opts: { log?: (msg: string) => void; migrations?: Migration[] } = {}): Db {
  const db = new Database(path);
  // WAL: readers never block the writer, and a killed process leaves the last commit intact.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32768');
  migrate(db, opts.migrations ?? MIGRATIONS, opts.log);
  return db;
}

/** The one row of a query that always has one (an aggregate without GROUP BY). */
export function oneRow<T>(row: T | undefined): T {
  if (row === undefined) throw new Error('the query returned no row');
  return row;
}

/**
 * An all-or-nothing transaction around asynchronous work (better-sqlite3's own transactions are
 * synchronous): committed when `work` answers true, rolled back when it answers false or throws.
 */
export async function asyncTransaction<T extends { ok: boolean }>(db: Db, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const r = await work();
    db.exec(r.ok ? 'COMMIT' : 'ROLLBACK');
    return r;
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: Migration[], log?: (msg: string) => void): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (const m of sorted) {
    if (m.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    log?.(`workspace: migrated to version ${m.version} (${m.name})`);
  }
}
