// A ledger, project or roster file as tables of rows of cells, whatever its format: one table for
// a text file or an HTML table, one per sheet for a workbook. Readers push rows to synchronous
// callbacks so the importer can write each batch inside its transaction.
import type { Encoding, FileFormat } from '../contract';
import { EngineError } from '../i18n/errors';
import { both, listBi, type MessageKey, type Params } from '../i18n/messages';

export type Cell = string | number | Date | boolean | null;

export interface RawRow {
  /** Physical line (text) or row number (workbook, HTML table) where the row starts: 1-based. */
  line: number;
  cells: Cell[];
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  lines: number;
}

/** What onRow answers: go on, skip the rest of this table (a sheet without a header), or stop reading. */
export type RowAnswer = boolean | void | 'skip-table';

export interface ReadOptions {
  encoding?: Encoding | 'auto';
  /** Workbooks: read only this sheet; default every sheet. */
  sheet?: string;
  /** A table begins: a workbook's sheet (its name), or the whole file (null). */
  onTable?: (t: { sheet: string | null }) => void;
  /** false stops the read (a preview has seen enough, a mapping is needed); 'skip-table' goes on with the next sheet. */
  onRow: (row: RawRow) => RowAnswer;
  onProgress?: (p: ReadProgress) => void;
  signal?: AbortSignal;
  /**
   * Text files, read in parts on two cores (workspace/parse-split.ts): start at this byte (a line
   * start), number lines from `firstLine`, stop before the byte `end()` answers once it answers one
   * (it may be learnt while reading), and use the part-one's dialect rather than guess it mid-file.
   */
  part?: { start: number; firstLine: number; end?: () => number | null; dialect?: CsvDialect; encoding?: Encoding };
  /** The delimiter, line end and encoding the reader settled on (text files), as soon as it knows them. */
  onDialect?: (d: CsvDialect, encoding: Encoding) => void;
}

export interface CsvDialect {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
}

export interface ReadResult {
  format: FileFormat;
  encoding: Encoding | null;
  /** Every sheet of a workbook, in workbook order; [] for text files and HTML tables. */
  sheets: string[];
  size: number;
  /** Physical lines (text) or rows (workbook) read. */
  lines: number;
  /** False when onRow stopped the read early. */
  complete: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/** A decode failure at a known line: reported like a row error, with an encoding that would work if one does. */
export class FileDecodeError extends Error {
  constructor(readonly encoding: Encoding, readonly line: number, readonly suggestion: Encoding | null = null) {
    super(`cannot decode as ${encoding} at line ${line}`);
  }
}

/**
 * The file cannot be read as a table at all (not a regular file, corrupt, encrypted, too large to
 * unpack): nothing is imported. Like a mapping that must be given first (MappingError), an
 * EngineError the importer turns into its result's status ('rejected', 'needs-mapping').
 */
export class FileRejectedError extends EngineError {
  constructor(key: MessageKey, params: Params = {}) {
    super('invalid-arguments', key, params);
  }

  static of(key: MessageKey, params: Params = {}): FileRejectedError {
    return new FileRejectedError(key, params);
  }
}

export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

/** The columns (or the sheet) must be said before the file can be read: the user maps them and tries again. */
export class MappingError extends EngineError {
  constructor(key: MessageKey, params: Params = {}) {
    super('invalid-arguments', key, params);
  }
}

/** No sheet of that name: the user picks another one, as with a mapping. */
export function noSheet(file: string, sheet: string, sheets: string[]): MappingError {
  return new MappingError('import.no-sheet', { file, sheet, sheets: listBi(sheets) });
}

/** What an ingest refusal says, in both languages, for a result that carries it. */
export function refusalText(e: EngineError): { message: string; messageEn: string } {
  return both(e.messageKey, e.params);
}
