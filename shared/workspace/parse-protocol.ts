// The messages between the importer and the ledger parse worker (parse-worker.ts).
import type { Encoding, ImportOptions, RowError } from '../contract';
import type { MessageKey, Params } from '../i18n/messages';
import type { CsvDialect, ReadProgress, ReadResult } from '../ingest/table';
import type { MappedHeader } from '../ingest/table-rows';
import type { HeaderState } from '../ingest/table-session';
import type { WorkerBatch, TextSeed } from './ledger-encoder';

export interface ParseJob {
  path: string;
  file: string;
  opts: Pick<ImportOptions, 'encoding' | 'map' | 'township' | 'village'>;
  seed: TextSeed;
  maxErrors: number;
  /** The first part of a file read on two cores: where it ends comes later, in an `end` message. */
  firstOfTwo?: boolean;
  /** The second part: from this byte and line, with the header, dialect and encoding the first part found. */
  part?: { start: number; firstLine: number; header: MappedHeader; dialect: CsvDialect; encoding: Encoding };
}

/** The importer to a first part's worker: stop before this byte (where the second part begins). */
export interface EndMessage { t: 'end'; at: number }

export type ParseMessage =
  /** The header was found (or the file needs a mapping: then nothing more comes but `done`). */
  | { t: 'header'; state: Exclude<HeaderState, { state: 'scanning' }>; hasAttachments: boolean; dialect: CsvDialect | null; encoding: Encoding | null }
  | { t: 'batch'; batch: WorkerBatch }
  | { t: 'progress'; p: ReadProgress }
  | {
      t: 'done'; read: ReadResult; rowsImported: number; rowsSkipped: number; blankRows: number; errors: RowError[]; errorCount: number; filledDown: number;
    }
  | { t: 'fail'; kind: 'decode'; encoding: Encoding; line: number }
  | { t: 'fail'; kind: 'rejected' | 'mapping'; key: MessageKey; params: Params }
  | { t: 'fail'; kind: 'other'; message: string };
