// A ledger or project file as rows of cells, whatever its format. Readers push rows to a
// synchronous callback so the importer can insert each batch inside its transaction.
import type { Encoding } from '../contract';

export type Cell = string | number | Date | boolean | null;

export interface RawRow {
  /** Physical line (CSV) or row number (xlsx) where the row starts: 1-based. */
  line: number;
  cells: Cell[];
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  lines: number;
}

export interface ReadOptions {
  encoding?: Encoding | 'auto';
  sheet?: string;
  /** xlsx without `sheet`: the first sheet with a row that passes this (a header row) is read. */
  isHeaderRow?: (cells: string[]) => boolean;
  /** Return false to stop reading (a preview has seen enough). */
  onRow: (row: RawRow) => boolean | void;
  onProgress?: (p: ReadProgress) => void;
  signal?: AbortSignal;
  /** False: the caller hashed the file already (the importer does, before reading); sha256 is then ''. */
  hash?: boolean;
}

export interface ReadResult {
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  sheet: string | null;
  sheets: string[];
  sha256: string;
  size: number;
  /** Physical lines (CSV) or rows (xlsx) read. */
  lines: number;
  /** False when onRow stopped the read early: sha256 then covers only part of the file. */
  complete: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/** A decode failure at a known line: reported like a row error. */
export class FileDecodeError extends Error {
  constructor(readonly encoding: Encoding, readonly line: number) {
    super(`cannot decode as ${encoding} at line ${line}`);
  }
}

export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}
