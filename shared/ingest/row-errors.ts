import type { FieldId, RowError } from '../contract';
import Papa from 'papaparse';
import { both, t, type MessageKey, type Params } from '../i18n/messages';
import { fieldLabel } from './fields';

export interface RowContext {
  file: string;
  /** The sheet of a workbook with several. */
  sheet?: string;
  line: number;
  headers: string[];
}

export function rowError(ctx: RowContext, column: number, field: FieldId | null, key: MessageKey, expected: string, found: string, params: Params = {}): RowError {
  const m = both(key, params);
  return {
    file: ctx.file,
    ...(ctx.sheet ? { sheet: ctx.sheet } : {}),
    line: ctx.line,
    column: column + 1,
    columnName: ctx.headers[column] ?? '',
    field,
    code: key,
    expected,
    found,
    message: m.message,
    messageEn: m.messageEn,
  };
}

/** A required field left empty, named as the user reads it. */
export function requiredError(ctx: RowContext, column: number, field: FieldId): RowError {
  return rowError(ctx, column, field, 'row.required', '', '', { field: fieldLabel(field, 'zh'), fieldEn: fieldLabel(field, 'en') });
}

/** `赵湾村.csv:12:5 日期无法识别…（找到“2018-13-01”）`; a workbook's sheet is named: `账簿.xlsx[3月]:12:5`. */
export function formatRowError(e: RowError, lang: 'zh' | 'en' = 'zh'): string {
  const col = e.columnName ? t(lang, 'row.format.column', { column: e.column, name: e.columnName }) : String(e.column);
  const found = e.found !== '' ? t(lang, 'row.format.found', { found: e.found }) : '';
  return `${e.file}${e.sheet ? `[${e.sheet}]` : ''}:${e.line}:${col} ${lang === 'zh' ? e.message : e.messageEn}${found}`;
}

/** The row errors as a CSV file a person opens in Excel or WPS (UTF-8 with BOM, formula-safe cells). */
export function rowErrorsCsv(errors: RowError[], total: number): string {
  const head = (['ui.import.errors.file', 'ui.import.errors.sheet', 'ui.import.errors.line', 'ui.import.errors.column', 'ui.import.errors.columnName',
    'ui.import.errors.message', 'ui.import.errors.found', 'ui.import.errors.messageEn'] as MessageKey[]).map((k) => t('zh', k));
  const rows = errors.map((e) => [e.file, e.sheet ?? '', String(e.line), String(e.column), e.columnName, e.message, e.found, e.messageEn]);
  if (total > errors.length) rows.push(['', '', '', '', '', t('zh', 'row.more', { count: total - errors.length }), '', t('en', 'row.more', { count: total - errors.length })]);
  return '\ufeff' + Papa.unparse({ fields: head, data: rows }, { escapeFormulae: true, quotes: true, newline: '\r\n' }) + '\r\n';
}
