import { basename, extname } from 'node:path';
import { both } from '../i18n/messages';
import { readCsv } from './csv-reader';
import { MappingError } from './header';
import type { ReadOptions, ReadResult } from './table';
import { readXlsx } from './xlsx-reader';

export function formatOf(path: string): 'csv' | 'xlsx' | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  return null;
}

export function readTable(path: string, opts: ReadOptions): Promise<ReadResult> {
  const format = formatOf(path);
  if (format === 'csv') return readCsv(path, opts);
  if (format === 'xlsx') return readXlsx(path, basename(path), opts);
  const m = both('import.unsupported', { file: basename(path) });
  throw new MappingError(m.message, m.messageEn);
}
