// The source files of a workspace, as the engine lists them (the importer writes them).
import type { SourceFileInfo } from '../contract';
import type { Db } from './db';

type SourceFileRow = Omit<SourceFileInfo, 'hasAttachments'> & { hasAttachments: number };

export function listSourceFiles(db: Db): SourceFileInfo[] {
  return db.prepare<[], SourceFileRow>(`SELECT id, name, kind, sha256, encoding, size, line_count AS lineCount, rows_imported AS rowsImported,
      rows_skipped AS rowsSkipped, has_attachments AS hasAttachments, imported_at AS importedAt FROM source_files ORDER BY id`).all()
    .map((f) => ({ ...f, hasAttachments: !!f.hasAttachments }));
}

/** Some file with these bytes is in the workspace (a preview's "already imported"). */
export function hasSourceFile(db: Db, sha256: string): boolean {
  return db.prepare<[string], 1>('SELECT 1 FROM source_files WHERE sha256 = ?').pluck().get(sha256) !== undefined;
}
