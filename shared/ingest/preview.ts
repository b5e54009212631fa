// A look at a file before importing it: encoding, header row, recognised columns, first rows.
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { FilePreview, ImportOptions } from '../contract';
import { sha256File } from './hash';
import { headerScore } from './header';
import { formatOf, readTable } from './read-table';
import { cellText, type RawRow } from './table';
import { HeaderFinder } from './table-session';
import { mapLedgerRow } from './ledger-row';
import { mapProjectRow } from './project-row';

const PREVIEW_ROWS = 20;

export async function previewFile(opts: ImportOptions, isImported: (sha256: string) => boolean): Promise<FilePreview> {
  const path = resolve(opts.path);
  const file = basename(path);
  const finder = new HeaderFinder({ kind: opts.kind, file, map: opts.map, township: opts.township, village: opts.village });
  const rows: RawRow[] = [];
  const read = await readTable(path, {
    encoding: opts.encoding,
    sheet: opts.sheet,
    isHeaderRow: (cells) => headerScore(opts.kind, cells) >= 3,
    onRow: (row) => {
      if (finder.result.state === 'scanning') {
        finder.offer(row);
        return true;
      }
      rows.push(row);
      return rows.length < PREVIEW_ROWS;
    },
  });
  const st = finder.finish();
  const sha = await sha256File(path);
  // With the columns known, each preview row is read exactly as the import will read it: data,
  // a subtotal/balance row that is skipped, a blank row, or a row with errors.
  const outcome = (row: RawRow): Pick<FilePreview['rows'][number], 'outcome' | 'errors'> => {
    if (st.state !== 'mapped') return { outcome: 'unknown', errors: [] };
    const ctx = { file, line: row.line, headers: st.headers };
    const rowOpts = { map: st.map, township: opts.township, village: opts.village };
    const out = opts.kind === 'ledger' ? mapLedgerRow(row.cells, ctx, rowOpts) : mapProjectRow(row.cells, ctx, rowOpts);
    if (out.kind === 'errors') return { outcome: 'error', errors: out.errors };
    return { outcome: out.kind === 'subtotal' || out.kind === 'blank' ? out.kind : 'data', errors: [] };
  };
  return {
    file,
    path,
    kind: opts.kind,
    format: formatOf(path) ?? 'csv',
    encoding: read.encoding,
    sheet: read.sheet,
    sheets: read.sheets,
    headerLine: st.state === 'scanning' ? null : st.headerLine,
    headers: st.state === 'scanning' ? [] : st.headers,
    matches: st.state === 'mapped' ? st.map.matches : [],
    missing: st.state === 'needs-mapping' ? st.missing : [],
    rows: rows.map((r) => ({ line: r.line, cells: r.cells.map(cellText), ...outcome(r) })),
    alreadyImported: isImported(sha),
    size: statSync(path).size,
  };
}
