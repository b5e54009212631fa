// The village officers' roster (村干部名册): 乡镇, 村, 姓名, 职务, 任职起, 任职止 (blank = in office).
// Read through the same pipeline as the ledgers (format, decoding, header recognition, TableRows,
// row errors with file:line:column) and imported all or nothing; the same bytes twice are
// recognised by hash.
import { basename, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import type { Cadre, CadreImportResult, Encoding, LeadPerson } from '../contract';
import { both } from '../i18n/messages';
import type { CadreRecord } from '../ingest/cadre-row';
import { sha256File } from '../ingest/hash';
import { readTable } from '../ingest/read-table';
import { rowError } from '../ingest/row-errors';
import { sniffFormat } from '../ingest/sniff';
import { FileDecodeError, FileRejectedError, MappingError, refusalText } from '../ingest/table';
import { TableRows, type FoundHeader } from '../ingest/table-rows';
import { writeTx, type Db } from '../workspace/db';
import { keepsSourceBytes, packFile, storeSourceBytes } from '../workspace/source-bytes';
import { appendTrail } from './trail';

export interface CadreImportOptions {
  path: string;
  encoding?: Encoding | 'auto';
  sheet?: string;
  map?: Record<string, string>;
  actor?: string;
  /** The path recorded (a work package's roster keeps the path it had where it was first imported). */
  recordedPath?: string;
}

export async function importCadres(db: Db, opts: CadreImportOptions, now: string): Promise<CadreImportResult> {
  const path = resolve(opts.path);
  const file = basename(path);
  const result: CadreImportResult = { status: 'rejected', file, sha256: '', rowsImported: 0, errors: [], errorCount: 0, message: '', messageEn: '' };
  if (!existsSync(path)) return { ...result, ...both('import.not-found', { file: opts.path }) };
  let format;
  try {
    format = sniffFormat(path, file);
  } catch (e) {
    if (e instanceof FileRejectedError) return { ...result, ...refusalText(e) };
    throw e;
  }
  result.sha256 = await sha256File(path);
  if (db.prepare('SELECT 1 FROM cadre_files WHERE sha256 = ?').get(result.sha256)) {
    return { ...result, status: 'duplicate', ...both('import.duplicate', { file }) };
  }
  const records: CadreRecord[] = [];
  let header: FoundHeader | null = null;
  // A roster workbook is read from its first sheet with the header (or the one named).
  let rows: TableRows<'cadres'> | null = null;
  const tables: TableRows<'cadres'>[] = [];
  try {
    await readTable(path, {
      encoding: opts.encoding,
      sheet: opts.sheet,
      onTable: ({ sheet }) => {
        if (header?.state === 'mapped') { rows = null; return; }
        rows = new TableRows({
          kind: 'cadres', file, sheet: sheet ?? undefined, map: opts.map, maxErrors: 200, checkWidth: format === 'csv',
          onHeader: (h) => { header = h; },
          onRecord: (r) => records.push(r),
        });
        tables.push(rows);
      },
      onRow: (row) => {
        const r = rows as TableRows<'cadres'> | null;
        if (!r) return 'skip-table';
        const go = r.onRow(row);
        return go ? true : (opts.sheet === undefined && format !== 'csv' ? 'skip-table' : false);
      },
    }, format);
    for (const t of tables) t.finish();
  } catch (e) {
    if (e instanceof FileDecodeError) {
      return { ...result, errors: [rowError({ file, line: e.line, headers: [] }, 0, null, 'row.decode', e.encoding, '', { encoding: e.encoding.toUpperCase() })], errorCount: 1, ...both('import.rejected', { file, count: 1 }) };
    }
    if (e instanceof MappingError) return { ...result, status: 'needs-mapping', ...refusalText(e) };
    if (e instanceof FileRejectedError) return { ...result, ...refusalText(e) };
    throw e;
  }
  const mapped = tables.find((t) => t.mapped);
  const h = header as FoundHeader | null;
  if (!mapped) {
    const st = h ?? tables[0]?.finish();
    return { ...result, status: 'needs-mapping', message: st?.state === 'needs-mapping' ? st.message : '', messageEn: st?.state === 'needs-mapping' ? st.messageEn : '' };
  }
  if (mapped.errorCount > 0) {
    return { ...result, status: 'rejected', errors: mapped.errors, errorCount: mapped.errorCount, ...both('import.rejected', { file, count: mapped.errorCount }) };
  }
  // The roster's bytes are kept like a ledger's (a work package carries them).
  const gz = keepsSourceBytes(db) ? await packFile(path) : null;
  writeTx(db, () => {
    if (gz) storeSourceBytes(db, result.sha256, statSync(path).size, gz);
    const fileId = Number(db.prepare('INSERT INTO cadre_files (sha256, name, path, rows_imported, imported_at) VALUES (?, ?, ?, ?, ?)')
      .run(result.sha256, file, opts.recordedPath ?? path, records.length, now).lastInsertRowid);
    const ins = db.prepare('INSERT INTO cadres (file_id, line_no, township, village, name, post, term_start, term_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const r of records) ins.run(fileId, r.line, r.township, r.village, r.name, r.post, r.termStart, r.termEnd);
    appendTrail(db, { at: now, actor: opts.actor ?? 'cli', entity: 'cadres', entityId: result.sha256, action: 'import', after: { file, rows: records.length } });
  });
  return { ...result, status: 'imported', rowsImported: records.length, ...both('cadres.imported', { file, rows: records.length }) };
}

export function listCadres(db: Db, filter: { township?: string; village?: string } = {}): Cadre[] {
  return db.prepare(`SELECT c.township, c.village, c.name, c.post, c.term_start AS termStart, c.term_end AS termEnd, f.name AS file, c.line_no AS line
    FROM cadres c JOIN cadre_files f ON f.id = c.file_id
    WHERE (@township IS NULL OR c.township = @township) AND (@village IS NULL OR c.village = @village)
    ORDER BY c.township, c.village, c.term_start, c.id`).all({ township: filter.township ?? null, village: filter.village ?? null }) as Cadre[];
}

/** Officers of a village in office on any of the dates: term_start <= date and (no term_end or term_end >= date). */
export function officersOnDates(db: Db, township: string, village: string, dates: string[]): LeadPerson[] {
  const stmt = db.prepare(`SELECT DISTINCT name, post FROM cadres WHERE township = ? AND village = ? AND term_start <= ? AND (term_end IS NULL OR term_end >= ?) ORDER BY id`);
  const out: LeadPerson[] = [];
  const seen = new Set<string>();
  for (const d of [...dates].sort()) {
    for (const r of stmt.all(township, village, d, d) as { name: string; post: string }[]) {
      const k = `${r.name}\n${r.post}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ name: r.name, post: r.post, basis: 'roster' });
    }
  }
  return out;
}
