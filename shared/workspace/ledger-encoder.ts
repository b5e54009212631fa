// Turns one file's ledger records into the workspace's integer shape without touching the
// database, in two halves that can run on two cores:
// - LineEncoder (the parse worker's half): every text interned to an id (new texts listed for
//   insertion); a line becomes a row of numbers in a Float64Array, transferable between threads.
// - LineAssembler: attribute tuples and the file's vouchers from those numbers, with integer keys
//   only; the lines as stored (line-blocks.ts), column by column. In the parse worker it numbers
//   tuples and vouchers its own way (WorkerBatch), and the importer's assembler maps the new ones
//   (batch-merge.ts), so the importer's thread does little per line.
import { isCashAccount } from '../ingest/accounts';
import type { LedgerRecord } from '../ingest/ledger-row';

/**
 * Numbers per line: line, yyyymmdd, year, township, village, voucher, then the attribute texts
 * (ATTR_FIELDS, ids), entity (id), is-cash (0/1), debit, credit, attachments (NaN = none).
 */
export const LINE_WIDTH = 23;
/** The texts that make a line's attribute tuple (line_attrs), in slot order from slot 6. */
export const ATTR_FIELDS = ['summary', 'accountCode', 'accountName', 'receiptType', 'counterparty', 'project', 'handler', 'approver', 'invoice', 'preparer', 'checker', 'bookkeeper'] as const;
/** line_attrs columns for ATTR_FIELDS, in the same order. */
export const ATTR_COLUMNS = ['summary_id', 'account_code_id', 'account_name_id', 'receipt_type_id', 'counterparty_id', 'project_id', 'handler_id', 'approver_id', 'invoice_id', 'preparer_id', 'checker_id', 'bookkeeper_id'] as const;
const N_ATTR = ATTR_FIELDS.length;
const SLOT_ENTITY = 6 + N_ATTR;
const SLOT_CASH = SLOT_ENTITY + 1;
const SLOT_DEBIT = SLOT_CASH + 1;
const SLOT_CREDIT = SLOT_DEBIT + 1;
const SLOT_ATT = SLOT_CREDIT + 1;
/** Numbers per new attribute tuple: id, the ATTR_FIELDS text ids, is-cash (0/1). */
export const ATTR_WIDTH = N_ATTR + 2;
/** Attribute tuples compared one by one per summary before falling back to a keyed map. */
const MAX_SCAN = 8;

export interface TextSeed {
  texts: [string, number][];
  nextText: number;
}

export interface AssemblerSeed {
  /** key = the ATTR_FIELDS text ids joined by '|' */
  attrs: [string, number, boolean][];
  nextAttrs: number;
}

/** A batch of encoded lines and the texts they introduced (insert the texts first). */
export interface LineBatch {
  texts: [number, string][];
  lines: Float64Array;
  count: number;
}

/** Per voucher of the file (index = its place among the file's vouchers), filled as lines arrive. */
export interface VoucherColumns {
  size: number;
  township: Int32Array;
  village: Int32Array;
  entity: Int32Array;
  year: Int32Array;
  voucher: Int32Array;
  /** yyyymmdd of the earliest line */
  date: Int32Array;
}

/**
 * A batch assembled in the parse worker: lines as stored, but with the worker's own numbers for
 * tuples and vouchers, and what the new ones stand for (their texts by the worker's text ids).
 * The importer's thread turns those numbers into the workspace's (batch-merge.ts).
 */
export interface WorkerBatch {
  texts: [number, string][];
  /** New tuples, ATTR_WIDTH numbers each: the worker's tuple id, the ATTR_FIELDS text ids, is-cash. */
  tuples: number[];
  /** New vouchers, numbered on from `firstVoucher`. */
  vouchers: VoucherColumns;
  firstVoucher: number;
  lines: AssembledLines;
}

/** A batch's lines as the workspace stores them (line-blocks.ts), column by column. */
export interface AssembledLines {
  count: number;
  /** Index of the voucher among the file's vouchers. */
  voucher: Int32Array;
  lineNo: Int32Array;
  date: Int32Array;
  attrs: Int32Array;
  /** -1: none */
  attachments: Int32Array;
  debit: Float64Array;
  credit: Float64Array;
}

/** `2018-03-05` -> 20180305 from the character codes (no substrings, no closures: a million lines make garbage count). */
export function dateNumber(iso: string): number {
  return ((iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48)) * 10000
    + ((iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48)) * 100 + (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
}

export function dateText(n: number): string {
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export class LineEncoder {
  private readonly texts: Map<string, number>;
  private nextText: number;
  /** account code id -> account name id -> is a cash account */
  private readonly cash = new Map<number, Map<number, boolean>>();
  private newTexts: [number, string][] = [];
  private lines: Float64Array;
  private count = 0;

  constructor(seed: TextSeed, private readonly batchLines = 4096) {
    this.texts = new Map(seed.texts);
    this.nextText = seed.nextText;
    this.lines = new Float64Array(batchLines * LINE_WIDTH);
  }

  get full(): boolean {
    return this.count === this.batchLines;
  }

  /** Per field, the last text and its id: neighbouring lines mostly share place, voucher and accounts. */
  private readonly lastText: string[] = [];
  private readonly lastId: number[] = [];

  private field(slot: number, text: string): number {
    if (this.lastText[slot] === text) return this.lastId[slot] as number;
    const id = this.intern(text);
    this.lastText[slot] = text;
    this.lastId[slot] = id;
    return id;
  }

  private intern(text: string): number {
    let id = this.texts.get(text);
    if (id === undefined) {
      id = this.nextText++;
      this.texts.set(text, id);
      this.newTexts.push([id, text]);
    }
    return id;
  }

  private isCash(codeId: number, nameId: number, r: LedgerRecord): boolean {
    let byName = this.cash.get(codeId);
    if (!byName) {
      byName = new Map();
      this.cash.set(codeId, byName);
    }
    let c = byName.get(nameId);
    if (c === undefined) {
      c = isCashAccount(r.accountCode, r.accountName);
      byName.set(nameId, c);
    }
    return c;
  }

  add(r: LedgerRecord): void {
    const o = this.count++ * LINE_WIDTH;
    const l = this.lines;
    const code = this.field(7, r.accountCode);
    const name = this.field(8, r.accountName);
    l[o] = r.line;
    l[o + 1] = dateNumber(r.date);
    l[o + 2] = r.year;
    l[o + 3] = this.field(3, r.township);
    l[o + 4] = this.field(4, r.village);
    l[o + 5] = this.field(5, r.voucher);
    l[o + 6] = this.field(6, r.summary);
    l[o + 7] = code;
    l[o + 8] = name;
    l[o + 9] = this.field(9, r.receiptType);
    l[o + 10] = this.field(10, r.counterparty);
    l[o + 11] = this.field(11, r.project);
    l[o + 12] = this.field(12, r.handler);
    l[o + 13] = this.field(13, r.approver);
    l[o + 14] = this.field(14, r.invoice);
    l[o + 15] = this.field(15, r.preparer);
    l[o + 16] = this.field(16, r.checker);
    l[o + 17] = this.field(17, r.bookkeeper);
    l[o + SLOT_ENTITY] = this.field(SLOT_ENTITY, r.entity);
    l[o + SLOT_CASH] = this.isCash(code, name, r) ? 1 : 0;
    l[o + SLOT_DEBIT] = r.debitFen;
    l[o + SLOT_CREDIT] = r.creditFen;
    l[o + SLOT_ATT] = r.attachments === null ? NaN : r.attachments;
  }

  /**
   * The lines added since the last take. The buffer is reused by the next add: assemble the batch
   * before adding more (both callers do, at once).
   */
  take(): LineBatch {
    const b: LineBatch = { texts: this.newTexts, lines: this.lines, count: this.count };
    this.newTexts = [];
    this.count = 0;
    return b;
  }
}

function emptyVouchers(n: number): VoucherColumns {
  return {
    size: 0, township: new Int32Array(n), village: new Int32Array(n), entity: new Int32Array(n), year: new Int32Array(n), voucher: new Int32Array(n),
    date: new Int32Array(n),
  };
}

function grown<T extends Int32Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

interface Attr { ids: number[]; id: number; isCash: boolean }

export class LineAssembler {
  private readonly attrs: Map<string, Attr>;
  /** summary id -> the tuples seen with it: found by a few integer comparisons, no key built. */
  private readonly attrsBySummary = new Map<number, Attr[]>();
  private nextAttrs: number;
  /** township and village ids -> entity id -> voucher id, year and month -> voucher index */
  private readonly voucherIndex = new Map<number, Map<number, Map<number, number>>>();
  private v = emptyVouchers(1024);
  private last = { township: -1, village: -1, entity: -1, year: -1, month: -1, voucher: -1, index: -1 };
  /** Vouchers handed on by takeNewVouchers. */
  private sent = 0;

  constructor(seed: AssemblerSeed) {
    this.attrs = new Map(seed.attrs.map(([k, id, isCash]) => [k, { ids: k.split('|').map(Number), id, isCash }]));
    this.nextAttrs = seed.nextAttrs;
  }

  /** The tuple of the N_ATTR text ids at `src[at..]`: its id (a new one is pushed onto `out`, ATTR_WIDTH numbers). */
  tupleOf(src: ArrayLike<number>, at: number, isCash: boolean, out: number[]): number {
    const summary = src[at] as number;
    let seen = this.attrsBySummary.get(summary);
    if (!seen) {
      seen = [];
      this.attrsBySummary.set(summary, seen);
    }
    next: for (const a of seen) {
      const x = a.ids;
      for (let k = 1; k < N_ATTR; k++) if (x[k] !== src[at + k]) continue next;
      return a.id;
    }
    const ids = Array.from({ length: N_ATTR }, (_, k) => src[at + k] as number);
    const k = ids.join('|');
    let a = this.attrs.get(k);
    if (!a) {
      a = { ids, id: this.nextAttrs++, isCash };
      this.attrs.set(k, a);
      out.push(a.id, ...ids, a.isCash ? 1 : 0);
    }
    // Past a few tuples per summary (one summary, many counterparties) the keyed map answers.
    if (seen.length < MAX_SCAN) seen.push(a);
    return a.id;
  }

  /**
   * A voucher is (township, village, entity, year, month, number): its lines share one date, so
   * the month splits no voucher numbered by year and tells apart the 记-1 of each month where
   * numbers restart monthly. The month is the date's (vouchers.date), so it needs no column of its
   * own. The entity (a village's committee and its cooperative keep separate books) is '' (id 0)
   * unless the file names one.
   */
  voucherOf(township: number, village: number, entity: number, year: number, voucher: number, date: number): number {
    const last = this.last;
    const month = Math.floor(date / 100) % 100;
    if (voucher === last.voucher && year === last.year && month === last.month && village === last.village && township === last.township && entity === last.entity) return last.index;
    const placeKey = township * 0x4000000 + village;
    let byEntity = this.voucherIndex.get(placeKey);
    if (!byEntity) {
      byEntity = new Map();
      this.voucherIndex.set(placeKey, byEntity);
    }
    let place = byEntity.get(entity);
    if (!place) {
      place = new Map();
      byEntity.set(entity, place);
    }
    const key = (voucher * 4096 + (year & 4095)) * 16 + month;
    let i = place.get(key);
    if (i === undefined) {
      if (this.v.size === this.v.township.length) this.growVouchers();
      const v = this.v;
      i = v.size++;
      v.township[i] = township;
      v.village[i] = village;
      v.entity[i] = entity;
      v.year[i] = year;
      v.voucher[i] = voucher;
      v.date[i] = date;
      place.set(key, i);
    }
    last.township = township;
    last.village = village;
    last.entity = entity;
    last.year = year;
    last.month = month;
    last.voucher = voucher;
    last.index = i;
    return i;
  }

  private growVouchers(): void {
    const v = this.v;
    const n = v.township.length * 2;
    this.v = {
      size: v.size, township: grown(v.township, n), village: grown(v.village, n), entity: grown(v.entity, n), year: grown(v.year, n), voucher: grown(v.voucher, n),
      date: grown(v.date, n),
    };
  }

  /** A batch's lines as stored, and the attribute tuples they introduce (insert those first). */
  assemble(b: LineBatch): { attrs: number[]; lines: AssembledLines } {
    const l = b.lines;
    const n = b.count;
    const out: AssembledLines = {
      count: n, voucher: new Int32Array(n), lineNo: new Int32Array(n), date: new Int32Array(n), attrs: new Int32Array(n), attachments: new Int32Array(n),
      debit: new Float64Array(n), credit: new Float64Array(n),
    };
    const attrs: number[] = [];
    for (let k = 0; k < n; k++) {
      const o = k * LINE_WIDTH;
      const date = l[o + 1] as number;
      const i = this.voucherOf(l[o + 3] as number, l[o + 4] as number, l[o + SLOT_ENTITY] as number, l[o + 2] as number, l[o + 5] as number, date);
      if (date < (this.v.date[i] as number)) this.v.date[i] = date;
      const att = l[o + SLOT_ATT] as number;
      out.voucher[k] = i;
      out.lineNo[k] = l[o] as number;
      out.date[k] = date;
      out.attrs[k] = this.tupleOf(l, o + 6, l[o + SLOT_CASH] === 1, attrs);
      out.attachments[k] = Number.isNaN(att) ? -1 : att;
      out.debit[k] = l[o + SLOT_DEBIT] as number;
      out.credit[k] = l[o + SLOT_CREDIT] as number;
    }
    return { attrs, lines: out };
  }

  /** The file's vouchers, in the order their first lines came. */
  vouchers(): VoucherColumns {
    return this.v;
  }

  /** The vouchers added since the last call, copied (to transfer to another thread), and the index of the first. */
  takeNewVouchers(): { first: number; v: VoucherColumns } {
    const first = this.sent;
    const to = this.v.size;
    this.sent = to;
    const v = this.v;
    return {
      first, v: {
        size: to - first, township: v.township.slice(first, to), village: v.village.slice(first, to), entity: v.entity.slice(first, to), year: v.year.slice(first, to),
        voucher: v.voucher.slice(first, to), date: v.date.slice(first, to),
      },
    };
  }
}
