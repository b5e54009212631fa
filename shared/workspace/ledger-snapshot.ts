// The whole ledger of a workspace in memory, as columns, for the rules: every line and every
// voucher as numbers (texts by id), so a rule scans a million lines in milliseconds and builds the
// text of a finding only for the few it reports. Loaded once per rule run (and kept while the
// workspace's sources do not change).
//
// A voucher here is what a person finds in the paper books: (township, village, entity, year,
// month, number), its lines possibly from several files (a voucher split over two exports), in
// source order. Where a number names vouchers of several months in one year (numbering restarts
// monthly), the voucher is labelled and keyed with its month; elsewhere not, so findings keep the
// ids (and review decisions) they had before months were told apart.
import type { Db } from './db';
import type { LedgerRecord } from '../ingest/ledger-row';
import { ATTR_COLUMNS, ATTR_FIELDS, dateText } from './ledger-encoder';
import { decodeLineBlock, decodeVoucherBlock } from './line-blocks';

export { ATTR_FIELDS };

export type AttrField = (typeof ATTR_FIELDS)[number];

export interface SnapshotFile {
  id: number;
  name: string;
  sheet: string | null;
  sha256: string;
  /** The file has an attachment-count column (附件张数). */
  hasAttachments: boolean;
  /**
   * The ledger fields its header mapped (LedgerRecord's names: counterparty, invoice, preparer ...):
   * a field it lacks is '' on every line. Null for a file imported before this was recorded.
   */
  fields: ReadonlySet<string> | null;
}

export interface LineColumns {
  count: number;
  /** The line's id: what findings, leads and the trail refer to. */
  id: Float64Array;
  /** Index into snapshot.files. */
  file: Int32Array;
  lineNo: Int32Array;
  /** yyyymmdd */
  date: Int32Array;
  /** line_attrs id: index into snapshot.attrs' columns. */
  attrs: Int32Array;
  /** fen */
  debit: Float64Array;
  credit: Float64Array;
  /** -1: no count on the line */
  attachments: Int32Array;
  /** Index into snapshot.vouchers. */
  voucher: Int32Array;
}

export interface VoucherColumns {
  count: number;
  /** text ids */
  township: Int32Array;
  village: Int32Array;
  entity: Int32Array;
  number: Int32Array;
  year: Int32Array;
  month: Int32Array;
  /** yyyymmdd of its earliest line */
  date: Int32Array;
  /** Credits to cash and bank less debits to them (fen). */
  cashOut: Float64Array;
  /** -1: no attachment count on any line */
  maxAttachments: Int32Array;
  /** 1: the number names vouchers of other months that year too: label and key carry the month. */
  monthly: Uint8Array;
  /** Its lines are voucherLines[lineStart .. lineStart + lineCount), in source order. */
  lineStart: Int32Array;
  lineCount: Int32Array;
}

/** Per attribute tuple id: the text id of each field, and whether its account is cash or bank. */
export type AttrColumns = Record<AttrField, Int32Array> & { isCash: Uint8Array };

export interface LedgerSnapshot {
  /** By text id; '' for 0. */
  texts: string[];
  attrs: AttrColumns;
  files: SnapshotFile[];
  lines: LineColumns;
  vouchers: VoucherColumns;
  /** Line indices grouped by voucher. */
  voucherLines: Int32Array;
  /** The index of the line with this id (what findings and leads store), or -1. */
  lineIndex(id: number): number;
}

/** What identifies the sources the snapshot was made from: a new import changes it. */
function sourcesVersion(db: Db): string {
  const r = db.prepare<[], { n: number; m: number | null }>("SELECT COUNT(*) AS n, MAX(id) AS m FROM source_files WHERE kind = 'ledger'").get();
  return `${r?.n ?? 0}:${r?.m ?? 0}`;
}

const cache = new WeakMap<Db, { version: string; snapshot: LedgerSnapshot }>();

/** Frees the kept snapshot (an import is about to change the sources; the engine's heap is bounded). */
export function forgetSnapshot(db: Db): void {
  cache.delete(db);
}

/** The workspace's ledger as columns; the same object while no ledger was imported since. */
export function ledgerSnapshot(db: Db): LedgerSnapshot {
  const version = sourcesVersion(db);
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.snapshot;
  const snapshot = loadSnapshot(db);
  cache.set(db, { version, snapshot });
  return snapshot;
}

function loadTexts(db: Db): string[] {
  const texts: string[] = [''];
  for (const [id, text] of db.prepare('SELECT id, text FROM texts').raw().iterate() as IterableIterator<[number, string]>) texts[id] = text;
  return texts;
}

function loadAttrs(db: Db): AttrColumns {
  const rows = db.prepare(`SELECT id, ${ATTR_COLUMNS.join(', ')}, is_cash FROM line_attrs`).raw().all() as number[][];
  const size = rows.reduce((m, r) => Math.max(m, r[0] as number), 0) + 1;
  const cols = Object.fromEntries(ATTR_FIELDS.map((f) => [f, new Int32Array(size)])) as Record<AttrField, Int32Array>;
  const isCash = new Uint8Array(size);
  for (const r of rows) {
    const id = r[0] as number;
    ATTR_FIELDS.forEach((f, i) => { cols[f][id] = r[i + 1] as number; });
    isCash[id] = r[ATTR_FIELDS.length + 1] ? 1 : 0;
  }
  return { ...cols, isCash };
}

function loadFiles(db: Db): SnapshotFile[] {
  return db.prepare<[], { id: number; name: string; sheet: string | null; sha256: string; hasAttachments: number; fields: string | null }>(`SELECT id, name, sheet, sha256,
      has_attachments AS hasAttachments, fields FROM source_files WHERE kind = 'ledger' AND format <> '' ORDER BY id`).all()
    .map((f) => ({ ...f, hasAttachments: f.hasAttachments === 1, fields: f.fields === null ? null : new Set(JSON.parse(f.fields) as string[]) }));
}

/** What loading made of the stored vouchers: a person's voucher index per file voucher, and the logical vouchers' columns. */
interface Logical {
  /** per file (by snapshot index): file voucher index -> logical voucher */
  of: Int32Array[];
  count: number;
  township: Int32Array; village: Int32Array; entity: Int32Array; number: Int32Array; year: Int32Array; month: Int32Array; date: Int32Array;
  /** 1: the number names vouchers of other months that year too */
  monthly: Uint8Array;
}


/**
 * The files' vouchers merged into vouchers as a person finds them: a voucher split over two
 * exports is one (same township, village, entity, year, month and number). Integer-keyed maps
 * only (place, then entity, then number and year), and typed columns: half a million vouchers
 * load in tens of milliseconds.
 */
function loadVouchers(db: Db, files: SnapshotFile[]): Logical {
  const fileIndex = new Map(files.map((f, i) => [f.id, i]));
  const total = db.prepare<[], number>('SELECT COALESCE(SUM(voucher_count), 0) FROM voucher_blocks').pluck().get() ?? 0;
  const out: Logical = {
    of: files.map(() => new Int32Array(0)), count: 0, township: new Int32Array(total), village: new Int32Array(total), entity: new Int32Array(total),
    number: new Int32Array(total), year: new Int32Array(total), month: new Int32Array(total), date: new Int32Array(total), monthly: new Uint8Array(total),
  };
  for (const { file_id, n } of db.prepare<[], { file_id: number; n: number }>('SELECT file_id, SUM(voucher_count) AS n FROM voucher_blocks GROUP BY file_id').all()) {
    const fi = fileIndex.get(file_id);
    if (fi !== undefined) out.of[fi] = new Int32Array(n);
  }
  // (place, entity, number, year) -> a group: the vouchers of that number in that year, usually of
  // one month (groupMonth, groupVoucher); several months only where numbering restarts monthly.
  const groups = new Map<number, Map<number, Map<number, number>>>();
  const groupMonth = new Int32Array(total);
  const groupVoucher = new Int32Array(total);
  const multiMonth = new Map<number, Map<number, number>>();
  let nGroups = 0;
  let lastPlace = -1;
  let lastEntity = -1;
  let byNumber: Map<number, number> | undefined;
  for (const [fileId, first, data] of db.prepare('SELECT file_id, first_voucher, data FROM voucher_blocks ORDER BY file_id, first_voucher').raw().iterate() as IterableIterator<[number, number, Uint8Array]>) {
    const fi = fileIndex.get(fileId);
    if (fi === undefined) continue;
    const b = decodeVoucherBlock(data);
    const of = out.of[fi] as Int32Array;
    for (let k = 0; k < b.count; k++) {
      const township = b.township[k] as number;
      const village = b.village[k] as number;
      const entity = b.entity[k] as number;
      const number = b.number[k] as number;
      const date = b.date[k] as number;
      const year = Math.floor(date / 10000);
      const month = Math.floor(date / 100) % 100;
      const place = township * 0x4000000 + village;
      if (place !== lastPlace || entity !== lastEntity || !byNumber) {
        let byEntity = groups.get(place);
        if (!byEntity) groups.set(place, (byEntity = new Map()));
        byNumber = byEntity.get(entity);
        if (!byNumber) byEntity.set(entity, (byNumber = new Map()));
        lastPlace = place;
        lastEntity = entity;
      }
      const key = number * 4096 + (year & 4095);
      let g = byNumber.get(key);
      let v = -1;
      if (g === undefined) {
        g = nGroups++;
        byNumber.set(key, g);
        groupMonth[g] = month;
        groupVoucher[g] = -1;
      } else v = groupMonth[g] === month ? (groupVoucher[g] as number) : (multiMonth.get(g)?.get(month) ?? -1);
      if (v < 0) {
        v = out.count++;
        out.township[v] = township; out.village[v] = village; out.entity[v] = entity; out.number[v] = number;
        out.year[v] = year; out.month[v] = month; out.date[v] = date;
        if (groupVoucher[g] === -1) groupVoucher[g] = v;
        else {
          let months = multiMonth.get(g);
          if (!months) multiMonth.set(g, (months = new Map([[groupMonth[g] as number, groupVoucher[g] as number]])));
          months.set(month, v);
        }
      } else if (date < (out.date[v] as number)) out.date[v] = date;
      of[first + k] = v;
    }
  }
  // A number that names vouchers of more than one month in a year: those vouchers carry their month.
  for (const months of multiMonth.values()) for (const v of months.values()) out.monthly[v] = 1;
  return out;
}

function loadSnapshot(db: Db): LedgerSnapshot {
  const texts = loadTexts(db);
  const attrs = loadAttrs(db);
  const files = loadFiles(db);
  const fileIndex = new Map(files.map((f, i) => [f.id, i]));
  const logical = loadVouchers(db, files);
  const nv = logical.count;

  const total = db.prepare<[], number>('SELECT COALESCE(SUM(line_count), 0) FROM line_blocks').pluck().get() ?? 0;
  const lines: LineColumns = {
    count: 0, id: new Float64Array(total), file: new Int32Array(total), lineNo: new Int32Array(total), date: new Int32Array(total),
    attrs: new Int32Array(total), debit: new Float64Array(total), credit: new Float64Array(total), attachments: new Int32Array(total), voucher: new Int32Array(total),
  };
  const blocks: { firstLine: number; index: number; count: number }[] = [];
  const cashOut = new Float64Array(nv);
  const maxAtt = new Int32Array(nv).fill(-1);
  let n = 0;
  // Source order: by file, then as the file was read (line ids run in that order).
  for (const [fileId, firstLine, data] of db.prepare('SELECT file_id, first_line, data FROM line_blocks ORDER BY file_id, first_line').raw().iterate() as IterableIterator<[number, number, Uint8Array]>) {
    const fi = fileIndex.get(fileId);
    if (fi === undefined) continue;
    const b = decodeLineBlock(data);
    const of = logical.of[fi] as Int32Array;
    blocks.push({ firstLine, index: n, count: b.count });
    lines.lineNo.set(b.lineNo, n);
    lines.date.set(b.date, n);
    lines.attrs.set(b.attrs, n);
    lines.attachments.set(b.attachments, n);
    lines.debit.set(b.debit, n);
    lines.credit.set(b.credit, n);
    lines.file.fill(fi, n, n + b.count);
    for (let k = 0; k < b.count; k++) {
      const i = n + k;
      const v = of[b.voucher[k] as number] as number;
      lines.id[i] = firstLine + k;
      lines.voucher[i] = v;
      const a = b.attrs[k] as number;
      if (attrs.isCash[a]) cashOut[v] = (cashOut[v] as number) + (b.credit[k] as number) - (b.debit[k] as number);
      const att = b.attachments[k] as number;
      if (att > (maxAtt[v] as number)) maxAtt[v] = att;
    }
    n += b.count;
  }
  lines.count = n;
  blocks.sort((a, b) => a.firstLine - b.firstLine);
  return {
    texts, attrs, files, lines, vouchers: finishVouchers(logical, cashOut, maxAtt, lines), voucherLines: groupLines(lines, nv),
    lineIndex: (id: number) => lineIndexOf(blocks, id),
  };
}

/** The snapshot index of the line with this id, or -1: a binary search over the blocks' first ids. */
function lineIndexOf(blocks: { firstLine: number; index: number; count: number }[], id: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid] as { firstLine: number; index: number; count: number };
    if (id < b.firstLine) hi = mid - 1;
    else if (id >= b.firstLine + b.count) lo = mid + 1;
    else return b.index + (id - b.firstLine);
  }
  return -1;
}

/** Line indices grouped by voucher, keeping source order within each (a counting sort). */
function groupLines(lines: LineColumns, nv: number): Int32Array {
  const start = new Int32Array(nv + 1);
  for (let i = 0; i < lines.count; i++) start[(lines.voucher[i] as number) + 1] = (start[(lines.voucher[i] as number) + 1] as number) + 1;
  for (let i = 0; i < nv; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const at = start.slice(0, nv);
  const out = new Int32Array(lines.count);
  for (let i = 0; i < lines.count; i++) {
    const vi = lines.voucher[i] as number;
    out[at[vi] as number] = i;
    at[vi] = (at[vi] as number) + 1;
  }
  return out;
}

function finishVouchers(v: Logical, cashOut: Float64Array, maxAtt: Int32Array, lines: LineColumns): VoucherColumns {
  const nv = v.count;
  const lineCount = new Int32Array(nv);
  for (let i = 0; i < lines.count; i++) lineCount[lines.voucher[i] as number] = (lineCount[lines.voucher[i] as number] as number) + 1;
  const lineStart = new Int32Array(nv);
  for (let i = 1; i < nv; i++) lineStart[i] = (lineStart[i - 1] as number) + (lineCount[i - 1] as number);
  const cut = <T extends Int32Array | Uint8Array>(a: T): T => a.subarray(0, nv) as T;
  return {
    count: nv, township: cut(v.township), village: cut(v.village), entity: cut(v.entity), number: cut(v.number), year: cut(v.year), month: cut(v.month),
    date: cut(v.date), cashOut, maxAttachments: maxAtt, monthly: cut(v.monthly), lineStart, lineCount,
  };
}

/** A line read back whole: the imported record, plus where it is stored and whether its account is cash or bank. */
export interface SnapshotLine extends LedgerRecord {
  id: number;
  /** The voucher's index in the snapshot (ledger.vouchers). */
  voucherRef: number;
  isCash: number;
  file: string;
  /** The workbook sheet the line is on; null for text files. */
  sheet: string | null;
  sha256: string;
  /** The line's file has an attachment-count column. */
  hasAttachments: number;
}

/** Line i of the snapshot with every field as text: built only for the lines shown or reported. */
export function lineRecord(ledger: LedgerSnapshot, i: number): SnapshotLine {
  const l = ledger.lines;
  const v = l.voucher[i] as number;
  const a = l.attrs[i] as number;
  const f = ledger.files[l.file[i] as number];
  const vs = ledger.vouchers;
  const text = (id: number): string => ledger.texts[id] ?? '';
  // A loop, not Object.fromEntries: rules build thousands of these.
  const attr = {} as Record<AttrField, string>;
  for (const k of ATTR_FIELDS) attr[k] = text(ledger.attrs[k][a] as number);
  const date = dateText(l.date[i] as number);
  const att = l.attachments[i] as number;
  return {
    id: l.id[i] as number, voucherRef: v, line: l.lineNo[i] as number, township: text(vs.township[v] as number), village: text(vs.village[v] as number),
    entity: text(vs.entity[v] as number), date, year: Number(date.slice(0, 4)), voucher: text(vs.number[v] as number), ...attr,
    debitFen: l.debit[i] as number, creditFen: l.credit[i] as number, attachments: att < 0 ? null : att, isCash: ledger.attrs.isCash[a] as number,
    file: f?.name ?? '', sheet: f?.sheet ?? null, sha256: f?.sha256 ?? '', hasAttachments: f?.hasAttachments ? 1 : 0,
  };
}

/** The lines with these ids that exist, read back whole, in the order of the ids. */
export function linesById(db: Db, ids: readonly number[]): SnapshotLine[] {
  if (ids.length === 0) return [];
  const ledger = ledgerSnapshot(db);
  return ids.flatMap((id) => {
    const i = ledger.lineIndex(id);
    return i < 0 ? [] : [lineRecord(ledger, i)];
  });
}
