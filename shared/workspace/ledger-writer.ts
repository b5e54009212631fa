// Writes one file's ledger lines: interns their texts and attribute tuples, aggregates their
// vouchers, and inserts in multi-row batches (one statement per BATCH rows: far fewer calls
// into SQLite than one per line).
import { isCashAccount } from '../ingest/accounts';
import type { LedgerRecord } from '../ingest/ledger-row';
import type { Db } from './db';

const BATCH = 128;
/** Attribute tuples compared one by one per summary before falling back to a keyed map. */
const MAX_SCAN = 8;
const ROW_COLUMNS = ['voucher_ref', 'line_no', 'date', 'attrs_id', 'debit_fen', 'credit_fen', 'attachments'];
const VOUCHER_COLUMNS = ['id', 'file_id', 'township_id', 'village_id', 'year', 'voucher_id', 'date', 'cash_out_fen', 'max_attachments', 'line_count'];

/**
 * Per-voucher totals in typed arrays indexed by (voucher id - first id): a million-line file has
 * half a million vouchers, and objects for each would double the import's memory.
 */
class VoucherTable {
  size = 0;
  township = new Int32Array(1024);
  village = new Int32Array(1024);
  year = new Int32Array(1024);
  voucher = new Int32Array(1024);
  /** yyyymmdd of the earliest line */
  date = new Int32Array(1024);
  cashOut = new Float64Array(1024);
  /** -1: no attachment count on any line */
  maxAtt = new Int32Array(1024);
  lines = new Int32Array(1024);

  add(township: number, village: number, year: number, voucher: number, date: number): number {
    if (this.size === this.township.length) this.grow();
    const i = this.size++;
    this.township[i] = township;
    this.village[i] = village;
    this.year[i] = year;
    this.voucher[i] = voucher;
    this.date[i] = date;
    this.maxAtt[i] = -1;
    return i;
  }

  private grow(): void {
    const n = this.township.length * 2;
    const g = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.township = g(this.township);
    this.village = g(this.village);
    this.year = g(this.year);
    this.voucher = g(this.voucher);
    this.date = g(this.date);
    this.cashOut = g(this.cashOut);
    this.maxAtt = g(this.maxAtt);
    this.lines = g(this.lines);
  }
}

/** `2018-03-05` -> 20180305, from the character codes (no substrings: a million lines make garbage count). */
function dateNumber(iso: string): number {
  const d = (i: number): number => iso.charCodeAt(i) - 48;
  return (d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3)) * 10000 + (d(5) * 10 + d(6)) * 100 + d(8) * 10 + d(9);
}

function dateText(n: number): string {
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function insertSql(table: string, columns: string[], rows: number): string {
  const one = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
}

/** Buffers rows and writes them BATCH at a time. */
class BatchInsert {
  private readonly params: unknown[] = [];
  private rows = 0;
  private readonly many;
  private readonly one;

  constructor(db: Db, table: string, private readonly columns: string[]) {
    this.many = db.prepare(insertSql(table, columns, BATCH));
    this.one = db.prepare(insertSql(table, columns, 1));
  }

  push(...values: unknown[]): void {
    for (const v of values) this.params.push(v);
    if (++this.rows === BATCH) {
      this.many.run(this.params);
      this.params.length = 0;
      this.rows = 0;
    }
  }

  flush(): void {
    const n = this.columns.length;
    for (let i = 0; i < this.rows; i++) this.one.run(this.params.slice(i * n, (i + 1) * n));
    this.params.length = 0;
    this.rows = 0;
  }
}

export class LedgerWriter {
  private readonly texts = new Map<string, number>();
  private nextText: number;
  private readonly attrs = new Map<string, { id: number; isCash: boolean }>();
  /**
   * Summary -> the attribute tuples seen with it: a line finds its tuple by one lookup and a few
   * string comparisons, without building a key (a million lines make garbage count).
   */
  private readonly attrsBySummary = new Map<string, { r: LedgerRecord; a: { id: number; isCash: boolean } }[]>();
  /** Beyond a few tuples per summary (one summary, many counterparties), a keyed map keeps it linear. */
  private readonly attrsByKey = new Map<string, { id: number; isCash: boolean }>();
  private nextAttrs: number;
  /** voucher key -> index into `table` */
  private readonly vouchers = new Map<string, number>();
  private readonly table = new VoucherTable();
  private readonly firstVoucher: number;
  private last: LedgerRecord | null = null;
  private lastIndex = -1;
  private readonly rows: BatchInsert;
  private readonly insertText;
  private readonly insertAttrs;

  constructor(private readonly db: Db, private readonly fileId: number) {
    for (const r of db.prepare('SELECT id, text FROM texts').iterate() as IterableIterator<{ id: number; text: string }>) this.texts.set(r.text, r.id);
    for (const r of db.prepare(`SELECT id, summary_id || '|' || account_code_id || '|' || account_name_id || '|' || receipt_type_id || '|' ||
        counterparty_id || '|' || project_id || '|' || handler_id || '|' || approver_id AS k, is_cash FROM line_attrs`).iterate() as IterableIterator<{ id: number; k: string; is_cash: number }>) {
      this.attrs.set(r.k, { id: r.id, isCash: r.is_cash === 1 });
    }
    const next = (table: string): number => (db.prepare(`SELECT COALESCE(MAX(id), 0) + 1 AS n FROM ${table}`).get() as { n: number }).n;
    this.nextText = next('texts');
    this.nextAttrs = next('line_attrs');
    this.firstVoucher = next('vouchers');
    this.rows = new BatchInsert(db, 'ledger_rows', ROW_COLUMNS);
    this.insertText = db.prepare('INSERT INTO texts (id, text) VALUES (?, ?)');
    this.insertAttrs = db.prepare(`INSERT INTO line_attrs (id, summary_id, account_code_id, account_name_id, receipt_type_id, counterparty_id,
      project_id, handler_id, approver_id, is_cash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  private intern(text: string): number {
    let id = this.texts.get(text);
    if (id === undefined) {
      id = this.nextText++;
      this.texts.set(text, id);
      this.insertText.run(id, text);
    }
    return id;
  }

  private attrsOf(r: LedgerRecord): { id: number; isCash: boolean } {
    let seen = this.attrsBySummary.get(r.summary);
    if (!seen) {
      seen = [];
      this.attrsBySummary.set(r.summary, seen);
    }
    for (const x of seen) {
      const o = x.r;
      if (o.accountCode === r.accountCode && o.accountName === r.accountName && o.counterparty === r.counterparty && o.project === r.project
        && o.receiptType === r.receiptType && o.handler === r.handler && o.approver === r.approver) return x.a;
    }
    if (seen.length >= MAX_SCAN) {
      const key = `${r.summary}\u0001${r.accountCode}\u0001${r.accountName}\u0001${r.receiptType}\u0001${r.counterparty}\u0001${r.project}\u0001${r.handler}\u0001${r.approver}`;
      let a = this.attrsByKey.get(key);
      if (!a) {
        a = this.internAttrs(r);
        this.attrsByKey.set(key, a);
      }
      return a;
    }
    const a = this.internAttrs(r);
    seen.push({ r, a });
    return a;
  }

  private internAttrs(r: LedgerRecord): { id: number; isCash: boolean } {
    const ids = [this.intern(r.summary), this.intern(r.accountCode), this.intern(r.accountName), this.intern(r.receiptType),
      this.intern(r.counterparty), this.intern(r.project), this.intern(r.handler), this.intern(r.approver)];
    const k = ids.join('|');
    let a = this.attrs.get(k);
    if (!a) {
      a = { id: this.nextAttrs++, isCash: isCashAccount(r.accountCode, r.accountName) };
      this.attrs.set(k, a);
      this.insertAttrs.run(a.id, ...ids, a.isCash ? 1 : 0);
    }
    return a;
  }

  add(r: LedgerRecord): void {
    // A voucher's lines usually follow each other: compare with the last line before hashing.
    const last = this.last;
    let i = -1;
    if (last && last.voucher === r.voucher && last.year === r.year && last.village === r.village && last.township === r.township) i = this.lastIndex;
    if (i < 0) {
      const key = `${r.township}\u0001${r.village}\u0001${r.year}\u0001${r.voucher}`;
      i = this.vouchers.get(key) ?? -1;
      if (i < 0) {
        i = this.table.add(this.intern(r.township), this.intern(r.village), r.year, this.intern(r.voucher), dateNumber(r.date));
        this.vouchers.set(key, i);
      }
    }
    this.last = r;
    this.lastIndex = i;
    const t = this.table;
    const a = this.attrsOf(r);
    if (a.isCash) t.cashOut[i] = (t.cashOut[i] as number) + r.creditFen - r.debitFen;
    if (r.attachments !== null && r.attachments > (t.maxAtt[i] as number)) t.maxAtt[i] = r.attachments;
    const d = dateNumber(r.date);
    if (d < (t.date[i] as number)) t.date[i] = d;
    t.lines[i] = (t.lines[i] as number) + 1;
    this.rows.push(this.firstVoucher + i, r.line, r.date, a.id, r.debitFen, r.creditFen, r.attachments);
  }

  /** Flushes the last rows and writes the vouchers. */
  finish(): void {
    this.rows.flush();
    const vouchers = new BatchInsert(this.db, 'vouchers', VOUCHER_COLUMNS);
    const t = this.table;
    for (let i = 0; i < t.size; i++) {
      const att = t.maxAtt[i] as number;
      vouchers.push(this.firstVoucher + i, this.fileId, t.township[i], t.village[i], t.year[i], t.voucher[i], dateText(t.date[i] as number),
        t.cashOut[i], att < 0 ? null : att, t.lines[i]);
    }
    vouchers.flush();
  }
}
