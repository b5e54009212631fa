import type { Db } from '../db';
import { BLOCK_LINES, BLOCK_VOUCHERS, encodeLineBlock, encodeVoucherBlock, newLineBlock } from '../line-blocks';
import type { Migration } from './types';

// Ledger lines and vouchers stored as blocks of columns (workspace/line-blocks.ts): one BLOB per
// 65,536 lines of a file, and per 65,536 of its vouchers, instead of a SQLite row each. Measured on
// the million-line benchmark: writing a million rows and half a million vouchers, and building the
// vouchers' index, took the import's main thread some 1.5 s; the blocks take a few tens of
// milliseconds, and the rules read them back as typed arrays (workspace/ledger-snapshot.ts).
// Line ids are kept (findings, leads and the trail refer to them); a voucher is now its file's
// n-th. The blocks are source data: triggers refuse UPDATE and DELETE, as on the tables they replace.
const SCHEMA = `
  CREATE TABLE line_blocks (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES source_files(id),
    first_line INTEGER NOT NULL,
    line_count INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX line_blocks_file ON line_blocks(file_id, first_line);
  CREATE TABLE voucher_blocks (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES source_files(id),
    first_voucher INTEGER NOT NULL,
    voucher_count INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX voucher_blocks_file ON voucher_blocks(file_id, first_voucher);
  CREATE TRIGGER line_blocks_no_update BEFORE UPDATE ON line_blocks
    BEGIN SELECT RAISE(ABORT, 'ledger lines are source data and never change'); END;
  CREATE TRIGGER line_blocks_no_delete BEFORE DELETE ON line_blocks
    BEGIN SELECT RAISE(ABORT, 'ledger lines are source data and never change'); END;
  CREATE TRIGGER voucher_blocks_no_update BEFORE UPDATE ON voucher_blocks
    BEGIN SELECT RAISE(ABORT, 'vouchers are source data and never change'); END;
  CREATE TRIGGER voucher_blocks_no_delete BEFORE DELETE ON voucher_blocks
    BEGIN SELECT RAISE(ABORT, 'vouchers are source data and never change'); END;
`;

const yyyymmdd = (iso: string): number => Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));

/** A workspace imported before: its rows and vouchers become blocks, file by file, ids kept. */
function convert(db: Db): void {
  const files = db.prepare("SELECT id FROM source_files WHERE kind = 'ledger' ORDER BY id").pluck().all() as number[];
  const insertLines = db.prepare('INSERT INTO line_blocks (file_id, first_line, line_count, data) VALUES (?, ?, ?, ?)');
  const insertVouchers = db.prepare('INSERT INTO voucher_blocks (file_id, first_voucher, voucher_count, data) VALUES (?, ?, ?, ?)');
  for (const file of files) {
    const vouchers = db.prepare('SELECT id, township_id, village_id, entity_id, voucher_id, date FROM vouchers WHERE file_id = ? ORDER BY id').raw().all(file) as [number, number, number, number, number, string][];
    const indexOf = new Map(vouchers.map((v, i) => [v[0], i]));
    for (let first = 0; first < vouchers.length; first += BLOCK_VOUCHERS) {
      const part = vouchers.slice(first, first + BLOCK_VOUCHERS);
      const col = (k: number): Int32Array => Int32Array.from(part, (v) => (k === 5 ? yyyymmdd(v[5]) : (v[k] as number)));
      insertVouchers.run(file, first, part.length, encodeVoucherBlock({ count: part.length, township: col(1), village: col(2), entity: col(3), number: col(4), date: col(5) }));
    }
    // Lines keep their ids; a block holds consecutive ids only, so a gap starts a new block.
    let block = newLineBlock();
    let firstLine = 0;
    const flush = (): void => {
      if (block.count > 0) insertLines.run(file, firstLine, block.count, encodeLineBlock(block));
      block = newLineBlock();
    };
    const rows = db.prepare(`SELECT r.id, r.voucher_ref, r.line_no, r.date, r.attrs_id, r.debit_fen, r.credit_fen, r.attachments FROM ledger_rows r
      WHERE r.voucher_ref IN (SELECT id FROM vouchers WHERE file_id = ?) ORDER BY r.id`).raw().iterate(file) as IterableIterator<[number, number, number, string, number, number, number, number | null]>;
    for (const [id, ref, lineNo, date, attrs, debit, credit, att] of rows) {
      if (block.count === BLOCK_LINES || (block.count > 0 && id !== firstLine + block.count)) flush();
      if (block.count === 0) firstLine = id;
      const k = block.count++;
      block.voucher[k] = indexOf.get(ref) ?? 0;
      block.lineNo[k] = lineNo;
      block.date[k] = yyyymmdd(date);
      block.attrs[k] = attrs;
      block.attachments[k] = att === null ? -1 : att;
      block.debit[k] = debit;
      block.credit[k] = credit;
    }
    flush();
  }
  db.exec(`DROP VIEW ledger_lines; DROP TABLE ledger_rows; DROP TABLE vouchers;`);
}

export const migration005: Migration = {
  version: 5,
  name: 'ledger lines and vouchers in blocks of columns',
  up: (db) => {
    db.exec(SCHEMA);
    convert(db);
  },
};
