import type { FieldId, RowError } from '../contract';
import { both, type MessageKey, type Params } from '../i18n/messages';

export interface RowContext {
  file: string;
  line: number;
  headers: string[];
}

export function rowError(ctx: RowContext, column: number, field: FieldId | null, key: MessageKey, expected: string, found: string, params: Params = {}): RowError {
  const m = both(key, params);
  return {
    file: ctx.file,
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

/** `赵湾村.csv:12:5 日期无法识别…（找到“2018-13-01”）` */
export function formatRowError(e: RowError, lang: 'zh' | 'en' = 'zh'): string {
  const col = e.columnName ? `${e.column}（${e.columnName}）` : String(e.column);
  const found = lang === 'zh' ? `（找到“${e.found}”）` : ` (found "${e.found}")`;
  return `${e.file}:${e.line}:${lang === 'zh' ? col : e.columnName ? `${e.column} (${e.columnName})` : e.column} ${lang === 'zh' ? e.message : e.messageEn}${e.found !== '' ? found : ''}`;
}
