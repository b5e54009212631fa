// Writes one file's ledger lines into the workspace: the texts and attribute tuples a batch
// introduces, then its lines into blocks of columns (line-blocks.ts: one BLOB per 65,536 lines);
// the file's vouchers at the end, in blocks too. The encoding and assembling are LineEncoder's and
// LineAssembler's, in the parse worker (then batch-merge.ts renumbers) or here.
import type { LedgerRecord } from '../ingest/ledger-row';
import type { Db } from './db';
import type { MergedBatch } from './batch-merge';
import { ATTR_COLUMNS, ATTR_WIDTH, LineAssembler, LineEncoder, type AssemblerSeed, type TextSeed } from './ledger-encoder';
import { BLOCK_LINES, BLOCK_VOUCHERS, encodeLineBlock, encodeVoucherBlock, newLineBlock, type LineBlock } from './line-blocks';

/** What the encoder must know of the workspace: its texts and the next text id. */
export function textSeed(db: Db): TextSeed {
  const texts = db.prepare('SELECT text, id FROM texts').raw().all() as [string, number][];
  return { texts, nextText: nextId(db, 'texts') };
}

/** What the assembler must know: the attribute tuples and the next tuple id. */
export function assemblerSeed(db: Db): AssemblerSeed {
  const attrs = (db.prepare(`SELECT ${ATTR_COLUMNS.join(" || '|' || ")} AS k, id, is_cash FROM line_attrs`).raw().all() as [string, number, number][])
    .map(([k, id, cash]): [string, number, boolean] => [k, id, cash === 1]);
  return { attrs, nextAttrs: nextId(db, 'line_attrs') };
}

/** The id the next imported line gets: ids run on across files and never repeat. */
export function nextLineId(db: Db): number {
  return (db.prepare('SELECT COALESCE(MAX(first_line + line_count), 1) AS n FROM line_blocks').get() as { n: number }).n;
}

function nextId(db: Db, table: string): number {
  return (db.prepare(`SELECT COALESCE(MAX(id), 0) + 1 AS n FROM ${table}`).get() as { n: number }).n;
}

/** The database side: writes what an encoder produced, wherever it ran. */
export class LedgerSink {
  private readonly insertText;
  private readonly insertAttrs;
  private readonly insertBlock;
  private block: LineBlock = newLineBlock();
  /** The id of the current block's first line. */
  private firstLine: number;

  /** `firstLine`: where this sink's line ids start (a second part of a file starts past the first part's lines). */
  constructor(private readonly db: Db, private readonly fileId: number, firstLine?: number) {
    this.insertText = db.prepare('INSERT INTO texts (id, text) VALUES (?, ?)');
    this.insertAttrs = db.prepare(`INSERT INTO line_attrs (id, ${ATTR_COLUMNS.join(', ')}, is_cash) VALUES (${Array.from({ length: ATTR_WIDTH }, () => '?').join(', ')})`);
    this.insertBlock = db.prepare('INSERT INTO line_blocks (file_id, first_line, line_count, data) VALUES (?, ?, ?, ?)');
    this.firstLine = firstLine ?? nextLineId(db);
  }

  /** A batch in the workspace's numbers: its new texts, its new tuples, then its lines. */
  write(b: MergedBatch): void {
    for (const [id, text] of b.texts) this.insertText.run(id, text);
    const { tuples, lines } = b;
    for (let o = 0; o < tuples.length; o += ATTR_WIDTH) this.insertAttrs.run(tuples.slice(o, o + ATTR_WIDTH));
    let from = 0;
    while (from < lines.count) {
      const bl = this.block;
      const n = Math.min(lines.count - from, BLOCK_LINES - bl.count);
      const to = from + n;
      bl.voucher.set(lines.voucher.subarray(from, to), bl.count);
      bl.lineNo.set(lines.lineNo.subarray(from, to), bl.count);
      bl.date.set(lines.date.subarray(from, to), bl.count);
      bl.attrs.set(lines.attrs.subarray(from, to), bl.count);
      bl.attachments.set(lines.attachments.subarray(from, to), bl.count);
      bl.debit.set(lines.debit.subarray(from, to), bl.count);
      bl.credit.set(lines.credit.subarray(from, to), bl.count);
      bl.count += n;
      from = to;
      if (bl.count === BLOCK_LINES) this.flushBlock();
    }
  }

  private flushBlock(): void {
    const bl = this.block;
    if (bl.count === 0) return;
    this.insertBlock.run(this.fileId, this.firstLine, bl.count, encodeLineBlock(bl));
    this.firstLine += bl.count;
    this.block = newLineBlock();
  }

  /** Writes the last lines and the file's vouchers. */
  finish(assembler: LineAssembler): void {
    this.flushBlock();
    this.writeVouchers(assembler);
  }

  /** Writes the last lines only (a file's other part writes the vouchers). */
  finishLines(): void {
    this.flushBlock();
  }

  writeVouchers(assembler: LineAssembler): void {
    const v = assembler.vouchers();
    const insert = this.db.prepare('INSERT INTO voucher_blocks (file_id, first_voucher, voucher_count, data) VALUES (?, ?, ?, ?)');
    for (let first = 0; first < v.size; first += BLOCK_VOUCHERS) {
      const to = Math.min(v.size, first + BLOCK_VOUCHERS);
      insert.run(this.fileId, first, to - first, encodeVoucherBlock({
        count: to - first, township: v.township.subarray(first, to), village: v.village.subarray(first, to), entity: v.entity.subarray(first, to),
        number: v.voucher.subarray(first, to), date: v.date.subarray(first, to),
      }));
    }
  }
}

/** Encoder, assembler and sink in this thread: for workbooks, small files, and where no worker can start. */
export class LedgerWriter {
  private readonly encoder: LineEncoder;
  private readonly assembler: LineAssembler;
  private readonly sink: LedgerSink;

  constructor(db: Db, fileId: number) {
    this.encoder = new LineEncoder(textSeed(db), 1024);
    this.assembler = new LineAssembler(assemblerSeed(db));
    this.sink = new LedgerSink(db, fileId);
  }

  add(r: LedgerRecord): void {
    this.encoder.add(r);
    if (this.encoder.full) this.flush();
  }

  private flush(): void {
    const b = this.encoder.take();
    const { attrs, lines } = this.assembler.assemble(b);
    this.sink.write({ texts: b.texts, tuples: attrs, lines });
  }

  finish(): void {
    this.flush();
    this.sink.finish(this.assembler);
  }
}
