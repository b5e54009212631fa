// How a file's ledger lines and vouchers are stored: in blocks of columns, one BLOB a block
// (line_blocks, voucher_blocks; migration 005), not one SQLite row a line. A million lines are
// some sixteen inserts instead of a million, and the rules read them back as typed arrays
// (workspace/ledger-snapshot.ts) without a row loop. Texts (summaries, accounts, places ...) stay
// in `texts` and attribute tuples in `line_attrs`; a block holds their ids.
//
// Layout (little-endian, as typed arrays are on every platform the app ships for): a 16-byte
// header (magic, version, count, 0), then the Float64 columns, then the Int32 columns.

/** Lines in a block: 65,536 lines are 2.3 MB, a few milliseconds to decode. */
export const BLOCK_LINES = 65_536;
/** Vouchers in a block. */
export const BLOCK_VOUCHERS = 65_536;

const LINE_MAGIC = 0x314c4156; // 'VAL1'
const VOUCHER_MAGIC = 0x31564156; // 'VAV1'
const VERSION = 1;
const HEADER = 16;

/** A block of a file's lines. Line ids are consecutive: the block's first id plus the index. */
export interface LineBlock {
  count: number;
  /** fen */
  debit: Float64Array;
  credit: Float64Array;
  /** Index of the line's voucher among its file's vouchers. */
  voucher: Int32Array;
  lineNo: Int32Array;
  /** yyyymmdd */
  date: Int32Array;
  /** line_attrs id */
  attrs: Int32Array;
  /** -1: no count on the line */
  attachments: Int32Array;
}

/** A block of a file's vouchers: who and which, by text id; the date (yyyymmdd) of its earliest line. */
export interface VoucherBlock {
  count: number;
  township: Int32Array;
  village: Int32Array;
  entity: Int32Array;
  number: Int32Array;
  date: Int32Array;
}

const LINE_F64 = ['debit', 'credit'] as const;
const LINE_I32 = ['voucher', 'lineNo', 'date', 'attrs', 'attachments'] as const;
const VOUCHER_I32 = ['township', 'village', 'entity', 'number', 'date'] as const;

function encode(magic: number, count: number, f64: Float64Array[], i32: Int32Array[]): Buffer {
  const out = Buffer.allocUnsafe(HEADER + count * (8 * f64.length + 4 * i32.length));
  out.writeUInt32LE(magic, 0);
  out.writeUInt32LE(VERSION, 4);
  out.writeUInt32LE(count, 8);
  out.writeUInt32LE(0, 12);
  let o = HEADER;
  for (const a of [...f64, ...i32]) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, count * a.BYTES_PER_ELEMENT);
    out.set(bytes, o);
    o += bytes.length;
  }
  return out;
}

/** The columns of a stored block, copied into aligned memory (a BLOB's bytes may start anywhere). */
function decode(buf: Uint8Array, magic: number, nF64: number, nI32: number): { count: number; f64: Float64Array[]; i32: Int32Array[] } {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < HEADER || view.getUint32(0, true) !== magic || view.getUint32(4, true) !== VERSION) throw new Error('not a ledger block');
  const count = view.getUint32(8, true);
  if (buf.byteLength !== HEADER + count * (8 * nF64 + 4 * nI32)) throw new Error('a ledger block of the wrong size');
  const aligned = new ArrayBuffer(buf.byteLength - HEADER);
  new Uint8Array(aligned).set(buf.subarray(HEADER));
  const f64 = Array.from({ length: nF64 }, (_, k) => new Float64Array(aligned, k * count * 8, count));
  const i32 = Array.from({ length: nI32 }, (_, k) => new Int32Array(aligned, nF64 * count * 8 + k * count * 4, count));
  return { count, f64, i32 };
}

export function encodeLineBlock(b: LineBlock): Buffer {
  return encode(LINE_MAGIC, b.count, LINE_F64.map((k) => b[k]), LINE_I32.map((k) => b[k]));
}

export function decodeLineBlock(buf: Uint8Array): LineBlock {
  const { count, f64, i32 } = decode(buf, LINE_MAGIC, LINE_F64.length, LINE_I32.length);
  return {
    count, debit: f64[0] as Float64Array, credit: f64[1] as Float64Array,
    voucher: i32[0] as Int32Array, lineNo: i32[1] as Int32Array, date: i32[2] as Int32Array, attrs: i32[3] as Int32Array, attachments: i32[4] as Int32Array,
  };
}

export function encodeVoucherBlock(b: VoucherBlock): Buffer {
  return encode(VOUCHER_MAGIC, b.count, [], VOUCHER_I32.map((k) => b[k]));
}

export function decodeVoucherBlock(buf: Uint8Array): VoucherBlock {
  const { count, i32 } = decode(buf, VOUCHER_MAGIC, 0, VOUCHER_I32.length);
  return { count, township: i32[0] as Int32Array, village: i32[1] as Int32Array, entity: i32[2] as Int32Array, number: i32[3] as Int32Array, date: i32[4] as Int32Array };
}

/** An empty line block to fill, `capacity` lines. */
export function newLineBlock(capacity = BLOCK_LINES): LineBlock {
  return {
    count: 0, debit: new Float64Array(capacity), credit: new Float64Array(capacity), voucher: new Int32Array(capacity), lineNo: new Int32Array(capacity),
    date: new Int32Array(capacity), attrs: new Int32Array(capacity), attachments: new Int32Array(capacity),
  };
}
