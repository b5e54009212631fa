// What a migration made: a fresh workspace brought up to a version, and its schema as SQLite lists it.
import { join } from 'node:path';
import { openDb, type Db } from '../../shared/workspace/db';
import { MIGRATIONS } from '../../shared/workspace/migrations';
import { tempDir } from '../helpers';

/** A new workspace file migrated up to `version` (and no further). */
export function workspaceAt(version: number, path = join(tempDir('va-mig-'), 'ws.sqlite')): Db {
  return openDb(path, { migrations: MIGRATIONS.filter((m) => m.version <= version) });
}

/** Names of the schema's objects of one type (table, view, index, trigger), sorted; SQLite's own left out. */
export function names(db: Db, type: 'table' | 'view' | 'index' | 'trigger'): string[] {
  return db.prepare<[string], string>("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all(type);
}

export function columns(db: Db, table: string): string[] {
  return db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all().map((c) => c.name);
}
