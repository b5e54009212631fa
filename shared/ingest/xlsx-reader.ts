// Reads one sheet of an .xlsx workbook (the first, or a named one). Township exports are
// small enough to load whole; million-line ledgers come as CSV and are streamed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { both } from '../i18n/messages';
import { HEADER_SCAN_ROWS, MappingError } from './header';
import { cellText, type Cell, type ReadOptions, type ReadResult } from './table';

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/** Workbooks often open with a cover or notes sheet: take the first sheet that has a header row. */
function firstSheetWithHeader(wb: ExcelJS.Workbook, isHeaderRow?: (cells: string[]) => boolean): ExcelJS.Worksheet | undefined {
  if (!isHeaderRow) return undefined;
  return wb.worksheets.find((w) => {
    for (let r = 1; r <= Math.min(w.rowCount, HEADER_SCAN_ROWS); r++) {
      const values = w.getRow(r).values as ExcelJS.CellValue[];
      if (isHeaderRow(values.slice(1).map((v) => cellText(cellValue(v))))) return true;
    }
    return false;
  });
}

export async function readXlsx(path: string, fileName: string, opts: ReadOptions): Promise<ReadResult> {
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = opts.sheet ? wb.getWorksheet(opts.sheet) : (firstSheetWithHeader(wb, opts.isHeaderRow) ?? wb.worksheets[0]);
  if (!ws) {
    const m = both('import.no-sheet', { file: fileName, sheet: opts.sheet ?? '', sheets: sheets.join('、') });
    throw new MappingError(m.message, m.messageEn);
  }
  let lines = 0;
  let stopped = false;
  const total = ws.rowCount;
  for (let r = 1; r <= total; r++) {
    if (opts.signal?.aborted) break;
    const row = ws.getRow(r);
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c]));
    lines = r;
    if (opts.onRow({ line: r, cells }) === false) {
      stopped = true;
      break;
    }
    if (r % 5000 === 0) opts.onProgress?.({ bytesRead: Math.round((bytes.length * r) / total), totalBytes: bytes.length, lines: r });
  }
  opts.onProgress?.({ bytesRead: bytes.length, totalBytes: bytes.length, lines });
  return { format: 'xlsx', encoding: null, sheet: ws.name, sheets, sha256, size: bytes.length, lines, complete: !stopped };
}
