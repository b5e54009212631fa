// The village officers' roster (村干部名册): 乡镇, 村, 姓名, 职务, 任职起, 任职止 (blank = in office).
// Read through the same pipeline as the ledgers (decoding, header recognition, row errors with
// file:line:column) and imported all or nothing; the same bytes twice are recognised by hash.
import { basename, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { Cadre, CadreImportResult, Encoding, FieldId, LeadPerson, RowError } from '../contract';
import { both } from '../i18n/messages';
import { sha256File } from '../ingest/hash';
import { headerScore, MappingError } from '../ingest/header';
import { readTable } from '../ingest/read-table';
import { rowError } from '../ingest/row-errors';
import { FileDecodeError, type RawRow } from '../ingest/table';
import { HeaderFinder } from '../ingest/table-session';
import { dateCell, textCell } from '../ingest/values';
import type { Db } from '../workspace/db';
import { appendTrail } from './trail';

export interface CadreImportOptions {
  path: string;
  encoding?: Encoding | 'auto';
  sheet?: string;
  map?: Record<string, string>;
  actor?: string;
}

export async function importCadres(db: Db, opts: CadreImportOptions, now: string): Promise<CadreImportResult> {
  const path = resolve(opts.path);
  const file = basename(path);
  const result: CadreImportResult = { status: 'rejected', file, sha256: '', rowsImported: 0, errors: [], errorCount: 0, message: '', messageEn: '' };
  if (!existsSync(path)) return { ...result, ...both('import.not-found', { file: opts.path }) };
  result.sha256 = await sha256File(path);
  if (db.prepare('SELECT 1 FROM cadre_files WHERE sha256 = ?').get(result.sha256)) {
    return { ...result, status: 'duplicate', ...both('import.duplicate', { file }) };
  }
  const finder = new HeaderFinder({ kind: 'cadres', file, map: opts.map });
  const rows: { line: number; township: string; village: string; name: string; post: string; start: string; end: string | null }[] = [];
  const errors: RowError[] = [];
  let byField: Partial<Record<string, number>> | null = null;
  let headers: string[] = [];
  let stop = false;
  const onRow = (row: RawRow): boolean => {
    if (!byField) {
      const st = finder.offer(row);
      if (st.state === 'scanning') return true;
      headers = st.headers;
      if (st.state === 'needs-mapping') { stop = true; return false; }
      byField = st.map.byField;
      return true;
    }
    const f = byField;
    const get = (k: string) => { const i = f[k]; return i === undefined ? null : (row.cells[i] ?? null); };
    if (row.cells.every((c) => textCell(c) === '')) return true;
    const ctx = { file, line: row.line, headers };
    const req = (k: string, zh: string, en: string): string => {
      const v = textCell(get(k));
      if (!v) errors.push(rowError(ctx, f[k] ?? 0, k as FieldId, 'row.required', '', '', { field: zh, fieldEn: en }));
      return v;
    };
    const township = req('township', '乡镇', 'township');
    const village = req('village', '村', 'village');
    const name = req('name', '姓名', 'name');
    const post = req('post', '职务', 'post');
    const date = (k: string, optional: boolean): string | null => {
      const raw = textCell(get(k));
      if (raw === '') {
        if (!optional) errors.push(rowError(ctx, f[k] ?? 0, k as FieldId, 'row.date.missing', 'YYYY-MM-DD', ''));
        return null;
      }
      const d = dateCell(get(k));
      if (!d) errors.push(rowError(ctx, f[k] ?? 0, k as FieldId, 'row.date', 'YYYY-MM-DD', raw));
      return d;
    };
    const start = date('termStart', false);
    const end = f.termEnd === undefined ? null : date('termEnd', true);
    if (start && end && end < start) errors.push(rowError(ctx, f.termEnd ?? 0, 'termEnd' as FieldId, 'cadres.term-order', start, end));
    rows.push({ line: row.line, township, village, name, post, start: start ?? '', end });
    return true;
  };
  try {
    await readTable(path, { encoding: opts.encoding, sheet: opts.sheet, isHeaderRow: (c) => headerScore('cadres', c) >= 3, onRow });
  } catch (e) {
    if (e instanceof FileDecodeError) {
      errors.push(rowError({ file, line: e.line, headers: [] }, 0, null, 'row.decode', e.encoding, '', { encoding: e.encoding.toUpperCase() }));
    } else if (e instanceof MappingError) {
      return { ...result, status: 'needs-mapping', message: e.messageZh, messageEn: e.messageEn };
    } else throw e;
  }
  if (!byField) {
    const st = stop ? finder.result : finder.finish();
    if (st.state === 'needs-mapping') return { ...result, status: 'needs-mapping', message: st.message, messageEn: st.messageEn };
  }
  if (errors.length > 0) {
    return { ...result, status: 'rejected', errors: errors.slice(0, 200), errorCount: errors.length, ...both('import.rejected', { file, count: errors.length }) };
  }
  db.transaction(() => {
    const fileId = Number(db.prepare('INSERT INTO cadre_files (sha256, name, path, rows_imported, imported_at) VALUES (?, ?, ?, ?, ?)')
      .run(result.sha256, file, path, rows.length, now).lastInsertRowid);
    const ins = db.prepare('INSERT INTO cadres (file_id, line_no, township, village, name, post, term_start, term_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const r of rows) ins.run(fileId, r.line, r.township, r.village, r.name, r.post, r.start, r.end);
    appendTrail(db, { at: now, actor: opts.actor ?? 'cli', entity: 'cadres', entityId: result.sha256, action: 'import', after: { file, rows: rows.length } });
  })();
  return { ...result, status: 'imported', rowsImported: rows.length, ...both('cadres.imported', { file, rows: rows.length }) };
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
