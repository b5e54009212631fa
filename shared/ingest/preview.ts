// A look at a file before importing it: encoding, header row, recognised columns, first rows.
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { FilePreview, ImportOptions } from '../contract';
import { sha256File } from './hash';
import { headerScore } from './header';
import { formatOf, readTable } from './read-table';
import { cellText, type RawRow } from './table';
import { HeaderFinder } from './table-session';

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
    rows: rows.map((r) => ({ line: r.line, cells: r.cells.map(cellText) })),
    alreadyImported: isImported(sha),
    size: statSync(path).size,
  };
}
