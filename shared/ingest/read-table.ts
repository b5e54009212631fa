// One entry for every format: the bytes decide how a file is read (sniff.ts), then its reader
// pushes tables and rows.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileFormat } from '../contract';
import { readCsv } from './csv-reader';
import { sniffFormat } from './sniff';
import type { ReadOptions, ReadResult } from './table';
import { readXls } from './xls-reader';
import { readXlsx } from './xlsx-reader';

/** The format a file will be read as; throws FileRejectedError for a file that cannot be read. */
export function formatOf(path: string): FileFormat {
  return sniffFormat(path, basename(path));
}

export function readTable(path: string, opts: ReadOptions, format: FileFormat = formatOf(path)): Promise<ReadResult> {
  const file = basename(path);
  if (format === 'csv') return readCsv(path, opts);
  if (format === 'xlsx') return readXlsx(path, file, statSync(path).size, opts);
  return readXls(path, file, format, opts);
}
