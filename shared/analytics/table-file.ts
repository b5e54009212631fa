// Tables written as files, the way the lead files are: .xlsx with number cells for money
// (¥#,##0.00), a frozen, bold header with an autofilter; .csv in UTF-8 with BOM, every cell quoted,
// cells a spreadsheet would run as formulas prefixed with ' (papaparse's escapeFormulae).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ExportedFile } from '../contract';
import { fenToDecimalString } from '../format/money';
import { MONEY_FORMAT, safeText } from '../leads/handoff-sheet';

export type Cell = string | number | null;

export interface TableColumn {
  header: string;
  /** money: integer fen, written as yuan in a number cell (¥#,##0.00) and as 1234.50 in CSV. */
  kind?: 'text' | 'money' | 'int';
  width?: number;
}

export interface TableSheet {
  name: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** A last, bold line (totals); not counted as a data row. */
  totals?: Cell[];
}

function csvCell(c: TableColumn | undefined, v: Cell): string {
  if (v === null) return '';
  if (c?.kind === 'money' && typeof v === 'number') return fenToDecimalString(v);
  return String(v);
}

export function tableCsv(sheet: TableSheet): string {
  const rows = [...sheet.rows, ...(sheet.totals ? [sheet.totals] : [])].map((r) => r.map((v, i) => csvCell(sheet.columns[i], v)));
  return '\ufeff' + Papa.unparse({ fields: sheet.columns.map((c) => c.header), data: rows }, { escapeFormulae: true, quotes: true, newline: '\r\n' }) + '\r\n';
}

function xlsxValue(c: TableColumn | undefined, v: Cell): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'number') return c?.kind === 'money' ? v / 100 : v;
  return safeText(v);
}

export async function tableXlsx(sheets: TableSheet[], creator: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? (c.kind === 'money' ? 16 : 14) }));
    for (const r of s.rows) ws.addRow(r.map((v, i) => xlsxValue(s.columns[i], v)));
    if (s.totals) ws.addRow(s.totals.map((v, i) => xlsxValue(s.columns[i], v))).font = { bold: true };
    s.columns.forEach((c, i) => { if (c.kind === 'money') ws.getColumn(i + 1).numFmt = MONEY_FORMAT; });
    ws.getRow(1).font = { bold: true };
    if (s.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + s.rows.length, column: s.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the tables as .xlsx (every sheet) or .csv (the first); answers where, how many data rows, and the SHA-256. */
export async function writeTable(path: string, format: 'xlsx' | 'csv', sheets: TableSheet[], creator: string): Promise<ExportedFile> {
  const out = resolve(path);
  const bytes = format === 'xlsx' ? await tableXlsx(sheets, creator) : Buffer.from(tableCsv(sheets[0] as TableSheet), 'utf8');
  writeFileSync(out, bytes);
  return { path: out, rows: sheets[0]?.rows.length ?? 0, sha256: createHash('sha256').update(bytes).digest('hex') };
}
