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
import { ATTR_COLUMNS, ATTR_FIELDS } from './ledger-encoder';

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
  /** The line's id (ledger_rows.id): what findings, leads and the trail refer to. */
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

function loadSnapshot(db: Db): LedgerSnapshot {
  const texts = loadTexts(db);
  const attrs = loadAttrs(db);
  const files = loadFiles(db);
  const fileIndex = new Map(files.map((f, i) => [f.id, i]));

  // The stored vouchers are per file; a person's voucher is one across files (same key).
  const stored = db.prepare(`SELECT id, file_id, township_id, village_id, entity_id, year, voucher_id, date FROM vouchers ORDER BY id`).raw().all() as number[][];
  const logicalOf = new Map<number, number>();
  const keys = new Map<string, number>();
  const v = { township: [] as number[], village: [] as number[], entity: [] as number[], number: [] as number[], year: [] as number[], month: [] as number[], date: [] as number[] };
  for (const [id, , township, village, entity, year, number, date] of stored as [number, number, number, number, number, number, number, string][]) {
    const month = Number(date.slice(5, 7));
    const k = `${township}|${village}|${entity}|${year}|${month}|${number}`;
    let i = keys.get(k);
    if (i === undefined) {
      i = v.township.length;
      keys.set(k, i);
      v.township.push(township); v.village.push(village); v.entity.push(entity); v.number.push(number); v.year.push(year); v.month.push(month);
      v.date.push(Number(date.replace(/-/g, '')));
    }
    logicalOf.set(id, i);
  }
  const nv = v.township.length;

  const rowCount = (db.prepare('SELECT COUNT(*) AS n FROM ledger_rows').get() as { n: number }).n;
  const lines: LineColumns = {
    count: 0, id: new Float64Array(rowCount), file: new Int32Array(rowCount), lineNo: new Int32Array(rowCount), date: new Int32Array(rowCount),
    attrs: new Int32Array(rowCount), debit: new Float64Array(rowCount), credit: new Float64Array(rowCount), attachments: new Int32Array(rowCount), voucher: new Int32Array(rowCount),
  };
  const fileOfVoucher = new Map(stored.map((r) => [r[0] as number, r[1] as number]));
  const cashOut = new Float64Array(nv);
  const maxAtt = new Int32Array(nv).fill(-1);
  const minDate = Int32Array.from(v.date);
  let n = 0;
  // Source order: by file, then line.
  for (const [id, ref, lineNo, date, attrsId, debit, credit, att] of db.prepare(`SELECT r.id, r.voucher_ref, r.line_no, r.date, r.attrs_id, r.debit_fen, r.credit_fen, r.attachments
      FROM ledger_rows r JOIN vouchers w ON w.id = r.voucher_ref ORDER BY w.file_id, r.line_no, r.id`).raw().iterate() as IterableIterator<[number, number, number, string, number, number, number, number | null]>) {
    const vi = logicalOf.get(ref) as number;
    const d = Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
    lines.id[n] = id;
    lines.file[n] = fileIndex.get(fileOfVoucher.get(ref) as number) ?? 0;
    lines.lineNo[n] = lineNo;
    lines.date[n] = d;
    lines.attrs[n] = attrsId;
    lines.debit[n] = debit;
    lines.credit[n] = credit;
    lines.attachments[n] = att === null ? -1 : att;
    lines.voucher[n] = vi;
    if (attrs.isCash[attrsId]) cashOut[vi] = (cashOut[vi] as number) + credit - debit;
    if (att !== null && att > (maxAtt[vi] as number)) maxAtt[vi] = att;
    if (d < (minDate[vi] as number)) minDate[vi] = d;
    n++;
  }
  lines.count = n;
  return { texts, attrs, files, lines, vouchers: finishVouchers(v, cashOut, maxAtt, minDate, lines), voucherLines: groupLines(lines, nv) };
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

function finishVouchers(v: { township: number[]; village: number[]; entity: number[]; number: number[]; year: number[]; month: number[] }, cashOut: Float64Array, maxAtt: Int32Array,
  minDate: Int32Array, lines: LineColumns): VoucherColumns {
  const nv = v.township.length;
  const lineCount = new Int32Array(nv);
  for (let i = 0; i < lines.count; i++) lineCount[lines.voucher[i] as number] = (lineCount[lines.voucher[i] as number] as number) + 1;
  const lineStart = new Int32Array(nv);
  for (let i = 1; i < nv; i++) lineStart[i] = (lineStart[i - 1] as number) + (lineCount[i - 1] as number);
  // A number that names vouchers of more than one month in a year: those vouchers carry their month.
  const months = new Map<string, Set<number>>();
  for (let i = 0; i < nv; i++) {
    const k = `${v.township[i]}|${v.village[i]}|${v.entity[i]}|${v.year[i]}|${v.number[i]}`;
    let s = months.get(k);
    if (!s) months.set(k, (s = new Set()));
    s.add(v.month[i] as number);
  }
  const monthly = new Uint8Array(nv);
  for (let i = 0; i < nv; i++) {
    if ((months.get(`${v.township[i]}|${v.village[i]}|${v.entity[i]}|${v.year[i]}|${v.number[i]}`)?.size ?? 0) > 1) monthly[i] = 1;
  }
  return {
    count: nv, township: Int32Array.from(v.township), village: Int32Array.from(v.village), entity: Int32Array.from(v.entity), number: Int32Array.from(v.number),
    year: Int32Array.from(v.year), month: Int32Array.from(v.month), date: minDate, cashOut, maxAttachments: maxAtt, monthly, lineStart, lineCount,
  };
}
