// Writes one file's ledger lines into the workspace: the texts and attribute tuples a batch
// introduces, then its rows, in multi-row INSERTs (one statement per BATCH rows: far fewer calls
// into SQLite than one per line); the vouchers at the end. The encoding (interning, voucher
// totals) is LineEncoder's (in the parse worker or here) and LineAssembler's (here).
import type { LedgerRecord } from '../ingest/ledger-row';
import type { Db } from './db';
import { ATTR_COLUMNS, ATTR_WIDTH, dateText, LineAssembler, LineEncoder, ROW_WIDTH, type AssemblerSeed, type LineBatch, type TextSeed } from './ledger-encoder';

const BATCH = 128;
const ROW_COLUMNS = ['id', 'voucher_ref', 'line_no', 'date', 'attrs_id', 'debit_fen', 'credit_fen', 'attachments'];
const VOUCHER_COLUMNS = ['id', 'file_id', 'township_id', 'village_id', 'entity_id', 'year', 'voucher_id', 'date', 'cash_out_fen', 'max_attachments', 'line_count', 'first_row', 'last_row'];

function insertSql(table: string, columns: string[], rows: number): string {
  const one = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
}

/** Buffers rows and writes them BATCH at a time: the caller fills a row's values in place (no array per row). */
class BatchInsert {
  readonly params: unknown[];
  private at = 0;
  private readonly width: number;
  private readonly many;

  constructor(private readonly db: Db, private readonly table: string, private readonly columns: string[]) {
    this.width = columns.length;
    this.params = new Array<unknown>(BATCH * this.width);
    this.many = db.prepare(insertSql(table, columns, BATCH));
  }

  /** Where the next row's values go in `params` (a full batch is written first). */
  next(): number {
    if (this.at === this.params.length) {
      this.many.run(this.params);
      this.at = 0;
    }
    const o = this.at;
    this.at += this.width;
    return o;
  }

  flush(): void {
    if (this.at === this.params.length) this.many.run(this.params);
    else if (this.at > 0) this.db.prepare(insertSql(this.table, this.columns, this.at / this.width)).run(this.params.slice(0, this.at));
    this.at = 0;
  }
}

/** What the encoder must know of the workspace: its texts and the next text id. */
export function textSeed(db: Db): TextSeed {
  const texts = db.prepare('SELECT text, id FROM texts').raw().all() as [string, number][];
  return { texts, nextText: nextId(db, 'texts') };
}

/** What the assembler must know: the attribute tuples, the next tuple and voucher ids. */
export function assemblerSeed(db: Db): AssemblerSeed {
  const attrs = (db.prepare(`SELECT ${ATTR_COLUMNS.join(" || '|' || ")} AS k, id, is_cash FROM line_attrs`).raw().all() as [string, number, number][])
    .map(([k, id, cash]): [string, number, boolean] => [k, id, cash === 1]);
  return { attrs, nextAttrs: nextId(db, 'line_attrs'), firstVoucher: nextId(db, 'vouchers'), firstRow: nextId(db, 'ledger_rows') };
}

function nextId(db: Db, table: string): number {
  return (db.prepare(`SELECT COALESCE(MAX(id), 0) + 1 AS n FROM ${table}`).get() as { n: number }).n;
}

/** The database side: writes what an encoder produced, wherever it ran. */
export class LedgerSink {
  private readonly rows: BatchInsert;
  private readonly insertText;
  private readonly insertAttrs;
  /** A district has a few thousand dates and a million lines: make each date's text once. */
  private readonly dates = new Map<number, string>();

  constructor(private readonly db: Db, private readonly fileId: number) {
    this.rows = new BatchInsert(db, 'ledger_rows', ROW_COLUMNS);
    this.insertText = db.prepare('INSERT INTO texts (id, text) VALUES (?, ?)');
    this.insertAttrs = db.prepare(`INSERT INTO line_attrs (id, ${ATTR_COLUMNS.join(', ')}, is_cash) VALUES (${Array.from({ length: ATTR_WIDTH }, () => '?').join(', ')})`);
  }

  private date(n: number): string {
    let s = this.dates.get(n);
    if (s === undefined) {
      s = dateText(n);
      this.dates.set(n, s);
    }
    return s;
  }

  /** A batch of encoded lines: its new texts, then (assembled here) its new tuples and its rows. */
  write(b: LineBatch, assembler: LineAssembler): void {
    for (const [id, text] of b.texts) this.insertText.run(id, text);
    const { attrs, rows: r } = assembler.assemble(b);
    for (let o = 0; o < attrs.length; o += ATTR_WIDTH) this.insertAttrs.run(attrs.slice(o, o + ATTR_WIDTH));
    const p = this.rows.params;
    for (let i = 0; i < b.count; i++) {
      const o = i * ROW_WIDTH;
      const att = r[o + 7] as number;
      const at = this.rows.next();
      p[at] = r[o];
      p[at + 1] = r[o + 1];
      p[at + 2] = r[o + 2];
      p[at + 3] = this.date(r[o + 3] as number);
      p[at + 4] = r[o + 4];
      p[at + 5] = r[o + 5];
      p[at + 6] = r[o + 6];
      p[at + 7] = Number.isNaN(att) ? null : att;
    }
  }

  /** Flushes the last rows and writes the vouchers. */
  finish(assembler: LineAssembler): void {
    this.rows.flush();
    const { firstVoucher, columns: v } = assembler.vouchers();
    const vouchers = new BatchInsert(this.db, 'vouchers', VOUCHER_COLUMNS);
    const p = vouchers.params;
    for (let i = 0; i < v.size; i++) {
      const att = v.maxAtt[i] as number;
      const values = [firstVoucher + i, this.fileId, v.township[i], v.village[i], v.entity[i], v.year[i], v.voucher[i], this.date(v.date[i] as number),
        v.cashOut[i], att < 0 ? null : att, v.lines[i], v.firstRow[i], v.lastRow[i]];
      const at = vouchers.next();
      for (let k = 0; k < values.length; k++) p[at + k] = values[k];
    }
    vouchers.flush();
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
    if (this.encoder.full) this.sink.write(this.encoder.take(), this.assembler);
  }

  finish(): void {
    this.sink.write(this.encoder.take(), this.assembler);
    this.sink.finish(this.assembler);
  }
}
