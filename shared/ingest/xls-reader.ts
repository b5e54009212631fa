// Reads an .xls workbook (BIFF8, what older 用友/金蝶 and WPS save by default) or an HTML table
// saved under a .xls name, through SheetJS CE. Both are small (BIFF8 holds 65,536 rows a sheet),
// so the file is read whole. HTML keeps its cells as text: our own parsers read dates and amounts.
import { readFileSync, statSync } from 'node:fs';
import type * as XLSXTypes from '@e965/xlsx';
import type { Encoding } from '../contract';
import { createDecoder, DecodeError, detectEncoding } from './decode';
import { CancelledError, FileRejectedError, noSheet, type Cell, type ReadOptions, type ReadResult } from './table';

type DenseSheet = XLSXTypes.WorkSheet & { '!data'?: (XLSXTypes.CellObject | undefined)[][] };

/** SheetJS and its code pages, loaded on the first .xls (a megabyte and a half that most imports never need). */
async function sheetJs(): Promise<typeof XLSXTypes> {
  const XLSX = await import('@e965/xlsx');
  // Older BIFF files keep text in the workbook's code page (GBK is 936).
  XLSX.set_cptable(await import('@e965/xlsx/dist/cpexcel.full.mjs'));
  return XLSX;
}

function cellOf(c: XLSXTypes.CellObject | undefined): Cell {
  if (!c || c.v === undefined || c.v === null) return null;
  if (c.t === 'e') return c.w ?? '';
  return c.v as Cell;
}

/** The charset an HTML file declares, if it is one we read. */
function declaredCharset(head: string): Encoding | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const cs = m?.[1]?.toLowerCase();
  if (!cs) return null;
  if (cs === 'utf-8' || cs === 'utf8') return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', 'cp936', 'x-gbk'].includes(cs)) return 'gb18030';
  if (cs === 'utf-16' || cs === 'utf-16le') return 'utf-16le';
  return null;
}

function decodeHtml(bytes: Buffer, forced: Encoding | null, file: string): { text: string; encoding: Encoding } {
  const encoding = forced ?? declaredCharset(bytes.subarray(0, 4096).toString('latin1')) ?? detectEncoding(bytes.subarray(0, 1 << 20));
  try {
    const dec = createDecoder(encoding);
    return { text: dec.write(bytes) + dec.end(), encoding };
  } catch (e) {
    if (e instanceof DecodeError) throw FileRejectedError.of('import.html-decode', { file, encoding: encoding.toUpperCase() });
    throw e;
  }
}

export async function readXls(path: string, file: string, format: 'xls' | 'html', opts: ReadOptions): Promise<ReadResult> {
  const size = statSync(path).size;
  const bytes = readFileSync(path);
  const XLSX = await sheetJs();
  let wb: XLSXTypes.WorkBook;
  let encoding: Encoding | null = null;
  try {
    if (format === 'html') {
      const forced = opts.encoding && opts.encoding !== 'auto' ? opts.encoding : null;
      const html = decodeHtml(bytes, forced, file);
      encoding = html.encoding;
      wb = XLSX.read(html.text, { type: 'string', dense: true, raw: true, cellDates: false });
    } else {
      // Dates stay serial numbers: SheetJS would make local-time Dates, a day off east of Greenwich.
      wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: false, cellNF: false, cellStyles: false });
    }
  } catch (e) {
    if (e instanceof FileRejectedError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw FileRejectedError.of('import.encrypted', { file });
    throw FileRejectedError.of(format === 'html' ? 'import.corrupt-html' : 'import.corrupt-xls', { file });
  }
  const names = wb.SheetNames;
  if (opts.sheet !== undefined && format === 'xls' && !names.includes(opts.sheet)) {
    throw noSheet(file, opts.sheet, names);
  }
  let lines = 0;
  let stopped = false;
  for (const name of names) {
    if (format === 'xls' && opts.sheet !== undefined && name !== opts.sheet) continue;
    const ws = wb.Sheets[name] as DenseSheet;
    const data = ws['!data'] ?? [];
    // An HTML page is one table as far as the user knows: no sheet name to show.
    opts.onTable?.({ sheet: format === 'html' ? null : name });
    for (let r = 0; r < data.length; r++) {
      if (opts.signal?.aborted) throw new CancelledError();
      const row = data[r];
      if (!row) continue;
      const cells: Cell[] = [];
      for (let c = 0; c < row.length; c++) cells.push(cellOf(row[c]));
      lines = Math.max(lines, r + 1);
      const answer = opts.onRow({ line: r + 1, cells });
      if (answer === false) { stopped = true; break; }
      if (answer === 'skip-table') break;
    }
    if (stopped || format === 'html') break;
  }
  opts.onProgress?.({ bytesRead: size, totalBytes: size, lines });
  return { format, encoding, sheets: format === 'html' ? [] : names, size, lines, complete: !stopped };
}
