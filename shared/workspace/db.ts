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

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: Migration[], log?: (msg: string) => void): void {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  for (const m of sorted) {
    if (m.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
    log?.(`workspace: migrated to version ${m.version} (${m.name})`);
  }
}
