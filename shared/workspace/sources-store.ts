// The source files of a workspace, as the engine lists them (the importer writes them).
import type { SourceFileInfo } from '../contract';
import type { Db } from './db';
import { decodeVoucherBlock } from './line-blocks';

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

/** A source file's row and the villages it holds lines (or project rows) of. */
export interface StoredSource {
  id: number; sha256: string; name: string; path: string; kind: 'ledger' | 'projects'; sheet: string | null; size: number; options: string;
}

/** Every imported source file, with the places ("乡镇\n村") its vouchers or project rows name. */
export function sourceFilesWithPlaces(db: Db): { file: StoredSource; places: Set<string> }[] {
  const files = db.prepare<[], StoredSource>("SELECT id, sha256, name, path, kind, sheet, size, options FROM source_files WHERE format <> '' ORDER BY id").all();
  const text = db.prepare<[number], string>('SELECT text FROM texts WHERE id = ?').pluck();
  const texts = new Map<number, string>();
  const textOf = (id: number): string => {
    let t = texts.get(id);
    if (t === undefined) texts.set(id, (t = text.get(id) ?? ''));
    return t;
  };
  const blocks = db.prepare<[number], { data: Buffer }>('SELECT data FROM voucher_blocks WHERE file_id = ? ORDER BY first_voucher');
  const projectPlaces = db.prepare<[number], { township: string; village: string }>('SELECT DISTINCT township, village FROM projects WHERE file_id = ?');
  return files.map((file) => {
    const places = new Set<string>();
    if (file.kind === 'ledger') {
      for (const b of blocks.iterate(file.id)) {
        const v = decodeVoucherBlock(b.data);
        let last = -1;
        for (let i = 0; i < v.count; i++) {
          const key = (v.township[i] as number) * 0x4000000 + (v.village[i] as number);
          if (key === last) continue;
          last = key;
          places.add(`${textOf(v.township[i] as number)}\n${textOf(v.village[i] as number)}`);
        }
      }
    } else {
      for (const p of projectPlaces.all(file.id)) places.add(`${p.township}\n${p.village}`);
    }
    return { file, places };
  });
}
