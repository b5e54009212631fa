// A look at a file before importing it: format, encoding, header rows, recognised columns, the
// first rows as the import will read them, whether it was imported before, whether it is the kind
// of file it was picked as, and why it cannot be read at all if it cannot.
import { basename, resolve } from 'node:path';
import type { FilePreview, ImportOptions, TableKind } from '../contract';
import { both } from '../i18n/messages';
import { suggestEncoding } from './decode';
import { sha256File } from './hash';
import { readTable } from './read-table';
import { headBytes, sniffFormat } from './sniff';
import { cellText, FileDecodeError, FileRejectedError, MappingError, refusalText, type RawRow } from './table';
import { mapperFor, widthError } from './table-rows';
import { HeaderFinder, type HeaderState } from './table-session';
import { villageOfSheet } from './place';
import { fieldsFor } from './fields';

const PREVIEW_ROWS = 20;

function emptyPreview(opts: ImportOptions, path: string, file: string): FilePreview {
  return {
    file, path, kind: opts.kind, format: 'csv', encoding: null, sheet: null, sheets: [], headerLine: null, headerFirstLine: null, headers: [], matches: [], missing: [],
    rows: [], alreadyImported: false, size: 0, looksLike: null, problem: null, fields: fieldsFor(opts.kind).map((f) => ({ id: f.id, required: f.required })),
  };
}

export async function previewFile(opts: ImportOptions, isImported: (sha256: string) => boolean): Promise<FilePreview> {
  const path = resolve(opts.path);
  const file = basename(path);
  const preview = emptyPreview(opts, path, file);
  try {
    preview.format = sniffFormat(path, file);
    preview.size = headBytes(path, file, 0).size;
  } catch (e) {
    if (!(e instanceof FileRejectedError)) throw e;
    preview.problem = refusalText(e);
    return preview;
  }
  const allSheets = (preview.format === 'xlsx' || preview.format === 'xls') && opts.sheet === undefined;
  let finder: HeaderFinder | null = null;
  let sheet: string | null = null;
  /** The first table's header, kept to show when no table has a mapped one. */
  let firstState: HeaderState | null = null;
  let firstSheet: string | null = null;
  const rows: RawRow[] = [];
  const newFinder = (s: string | null): HeaderFinder => new HeaderFinder({
    kind: opts.kind, file, sheet: s ?? undefined, map: opts.map, township: opts.township,
    village: opts.village ?? (allSheets && s ? villageOfSheet(s) : undefined),
  });
  try {
    const read = await readTable(path, {
      encoding: opts.encoding,
      sheet: opts.sheet,
      onTable: ({ sheet: s }) => {
        if (finder && finder.result.state === 'scanning') settle(finder.finish());
        sheet = s;
        finder = newFinder(s);
      },
      onRow: (row) => {
        const f = finder as HeaderFinder | null;
        if (!f) return true;
        // Rows of the first table with a header are enough.
        if (firstState && firstState.state !== 'scanning' && firstSheet !== sheet) return false;
        if (f.result.state === 'scanning') {
          const st = f.offer(row);
          if (st.state === 'scanning') return true;
          return settle(st);
        }
        rows.push(row);
        return rows.length < PREVIEW_ROWS ? true : false;
      },
    }, preview.format);
    if (finder && (finder as HeaderFinder).result.state === 'scanning') settle((finder as HeaderFinder).finish());
    preview.encoding = read.encoding;
    preview.sheets = read.sheets;
  } catch (e) {
    if (e instanceof FileRejectedError || e instanceof MappingError) {
      preview.problem = refusalText(e);
      return preview;
    }
    if (e instanceof FileDecodeError) {
      const suggestion = await suggestEncoding(path, e.encoding);
      const m = both(suggestion ? 'row.decode.suggest' : 'row.decode', { encoding: e.encoding.toUpperCase(), suggestion: suggestion ?? '', suggestionUpper: suggestion?.toUpperCase() ?? '' });
      preview.problem = { message: `${file}:${e.line} ${m.message}`, messageEn: `${file}:${e.line} ${m.messageEn}` };
      preview.encoding = e.encoding;
      return preview;
    }
    throw e;
  }

  /** A table's header is known: keep it when mapped (or when it is the first), then read its rows or the next table. */
  function settle(st: HeaderState): boolean | 'skip-table' {
    if (st.state === 'scanning') return true;
    firstState ??= st;
    firstSheet ??= sheet;
    if (st.state === 'mapped') {
      firstState = st;
      firstSheet = sheet;
      rows.push(...st.pending);
      return rows.length < PREVIEW_ROWS;
    }
    // A workbook's cover or notes sheet: look at the next one. Otherwise show the rows as they are, to map.
    if (allSheets && (st.looksLike || st.headerLine === null || st.missing.length > 3)) return 'skip-table';
    rows.push(...st.pending);
    return rows.length < PREVIEW_ROWS;
  }

  const st = firstState as HeaderState | null;
  preview.sheet = firstSheet;
  if (st && st.state !== 'scanning') {
    preview.headerLine = st.headerLine;
    preview.headerFirstLine = st.headerFirstLine;
    preview.headers = st.headers;
    if (st.state === 'mapped') preview.matches = st.map.matches;
    else {
      preview.missing = st.missing;
      preview.looksLike = (st.looksLike as TableKind | null) ?? null;
      if (st.looksLike || st.missing.length > 0 || st.headerLine === null) preview.problem = { message: st.message, messageEn: st.messageEn };
    }
  }
  // With the columns known, each preview row is read exactly as the import will read it: data,
  // a subtotal/balance row that is skipped, a blank row, or a row with errors.
  const mapper = st?.state === 'mapped' ? mapperFor(opts.kind, st, { township: opts.township, village: opts.village ?? (allSheets && firstSheet ? villageOfSheet(firstSheet) : undefined) }) : null;
  preview.rows = rows.slice(0, PREVIEW_ROWS).map((r) => {
    const cells = r.cells.map(cellText);
    if (!mapper || st?.state !== 'mapped') return { line: r.line, cells, outcome: 'unknown' as const, errors: [] };
    const ctx = { file, sheet: firstSheet ?? undefined, line: r.line, headers: st.headers };
    const shifted = preview.format === 'csv' ? widthError(r.cells, st.width, ctx) : null;
    if (shifted) return { line: r.line, cells, outcome: 'error' as const, errors: [shifted] };
    const out = mapper.map(r.cells, ctx);
    if (out.kind === 'errors') return { line: r.line, cells, outcome: 'error' as const, errors: out.errors };
    return { line: r.line, cells, outcome: out.kind === 'subtotal' || out.kind === 'blank' ? out.kind : ('data' as const), errors: [] };
  });
  preview.alreadyImported = isImported(await sha256File(path));
  return preview;
}
