// What the rules share: finding texts that contain words, and loading whole vouchers (every line,
// with its source file and line number) for the few candidates SQL has narrowed down.
import type { SourceRef } from '../contract';
import type { LedgerRecord } from '../ingest/ledger-row';
import { bi, type Bilingual } from '../i18n/messages';
import type { Db } from '../workspace/db';

/** A ledger line as the rules read it back: the imported record, plus where it is stored and whether it is cash. */
export interface VoucherLine extends LedgerRecord {
  id: number;
  /** vouchers.id: the voucher within its file */
  voucherRef: number;
  isCash: number;
  file: string;
  /** The workbook sheet the line is on; null for text files. */
  sheet: string | null;
  sha256: string;
  /** The line's file has an attachment-count column. */
  hasAttachments: number;
}

export interface VoucherKey {
  township: string;
  village: string;
  /** The accounting entity whose books the voucher is in, where the file names one ('' otherwise). */
  entity: string;
  year: number;
  voucher: string;
  /**
   * Only where the number names vouchers of several months in that year (numbering restarts
   * monthly): then the month tells them apart. Absent otherwise, so yearly-numbered vouchers
   * keep the fingerprints, and the review decisions, they always had.
   */
  month?: number;
}

/** A voucher: identified by (township, village, year, number, and month where numbers restart monthly), its lines possibly from several files. */
export interface VoucherGroup {
  key: VoucherKey;
  keyString: string;
  lines: VoucherLine[];
}

export function voucherKeyOf(v: VoucherKey): string {
  // The entity only where there is one, so vouchers of files without entities keep their keys (and findings their ids).
  const base = `${v.township}|${v.village}|${v.entity ? `${v.entity}|` : ''}${v.year}|${v.voucher}`;
  return v.month === undefined ? base : `${base}|${v.month}`;
}

/** How a person finds the paper voucher: 记-1, 3月 记-1 where numbers restart monthly, and the entity's books it is in. */
export function voucherLabel(k: VoucherKey): Bilingual {
  const label = k.month === undefined ? { zh: k.voucher, en: k.voucher } : bi('rule.voucher.monthly', { month: k.month, voucher: k.voucher });
  return k.entity ? bi('rule.voucher.entity', { entity: k.entity, voucher: label }) : label;
}

/** Ids of the distinct texts that satisfy a test: words are matched once per text, not per line. */
export function textIdsWhere(db: Db, test: (text: string) => boolean): number[] {
  const ids: number[] = [];
  for (const r of db.prepare<[], { id: number; text: string }>('SELECT id, text FROM texts WHERE id <> 0').iterate()) {
    if (test(r.text)) ids.push(r.id);
  }
  return ids;
}

/** Ids of the attribute tuples (line_attrs) matching a SQL condition on their columns. */
export function attrIdsWhere(db: Db, where: string, params: unknown[]): number[] {
  return db.prepare<unknown[], number>(`SELECT id FROM line_attrs WHERE ${where}`).pluck().all(...params);
}

/** Voucher refs (vouchers.id) of the ledger rows matching a SQL condition; `?` params follow. */
export function voucherRefsWhere(db: Db, where: string, params: unknown[]): number[] {
  return db.prepare<unknown[], number>(`SELECT DISTINCT voucher_ref AS ref FROM ledger_rows WHERE ${where}`).pluck().all(...params);
}

/** `IN (SELECT value FROM json_each(?))`: an id list as one bound parameter. */
export const IN_IDS = 'IN (SELECT value FROM json_each(?))';

const LINE_COLUMNS = `l.id, l.voucher_ref AS voucherRef, l.township, l.village, l.entity, l.year, l.voucher, l.date, l.summary, l.account_code AS accountCode,
  l.account_name AS accountName, l.debit_fen AS debitFen, l.credit_fen AS creditFen, l.attachments, l.receipt_type AS receiptType, l.invoice,
  l.counterparty, l.project, l.handler, l.approver, l.preparer, l.checker, l.bookkeeper, l.is_cash AS isCash, f.name AS file, f.sheet, f.sha256,
  l.line_no AS line, f.has_attachments AS hasAttachments`;

/**
 * The ledger_rows ids of vouchers by their row ranges: one parameter, a JSON array of
 * [first_row, last_row, voucher ref]. Each range is a SEARCH of ledger_rows by its INTEGER
 * PRIMARY KEY (test/integration/query-plans.test.ts holds the planner to it).
 */
export const RANGED_LINE_IDS = `SELECT r.id FROM json_each(?) j JOIN ledger_rows r ON r.id BETWEEN j.value ->> 0 AND j.value ->> 1
  WHERE r.voucher_ref = j.value ->> 2`;

/**
 * Every line of the vouchers these refs belong to (across files), grouped by voucher, in source
 * order: one scan of the lines for all candidates together.
 */
export function loadVoucherGroups(db: Db, refs: Iterable<number>): VoucherGroup[] {
  const unique = [...new Set(refs)];
  if (unique.length === 0) return [];
  // All refs sharing a key with a candidate (a voucher may be split over two files), and the
  // candidates whose number also names a voucher of another month (numbering restarts monthly;
  // a voucher's month is its date's, as the importer keys it).
  const same = db.prepare<[string], [number, number, number, number | null, number | null]>(`SELECT w.id, substr(w.date, 1, 7) <> substr(v.date, 1, 7) AS otherMonth, v.id AS candidate, w.first_row, w.last_row
      FROM vouchers v JOIN vouchers w ON w.township_id = v.township_id AND w.village_id = v.village_id AND w.year = v.year AND w.voucher_id = v.voucher_id
        AND w.entity_id = v.entity_id
      WHERE v.id ${IN_IDS}`).raw().all(JSON.stringify(unique));
  const sharing = new Map(same.filter(([, other]) => !other).map(([id, , , first, last]) => [id, [first, last]] as const));
  const monthly = new Set(same.filter(([, other]) => other).map(([, , candidate]) => candidate));
  // Two steps on purpose: find the line ids, then read them through the view by id (joined to the
  // view directly, the planner would loop over vouchers and rescan the lines for each). A voucher
  // knows the range of rows its lines lie in; one imported before that was recorded is found by a
  // scan of ledger_rows.
  const ranged = [...sharing].filter(([, [first]]) => first !== null).map(([id, [first, last]]) => [first, last, id]);
  const unranged = [...sharing].filter(([, [first]]) => first === null).map(([id]) => id);
  const lineIds = [
    ...(ranged.length ? db.prepare<[string], number>(RANGED_LINE_IDS).pluck().all(JSON.stringify(ranged)) : []),
    ...(unranged.length ? db.prepare<[string], number>(`SELECT id FROM ledger_rows WHERE voucher_ref ${IN_IDS}`).pluck().all(JSON.stringify(unranged)) : []),
  ];
  const rows = db.prepare<[string], VoucherLine>(`SELECT ${LINE_COLUMNS} FROM ledger_lines l JOIN source_files f ON f.id = l.file_id
    WHERE l.id ${IN_IDS} ORDER BY l.file_id, l.line_no`).all(JSON.stringify(lineIds));
  const groups = new Map<string, VoucherGroup>();
  // Lines of a voucher whose number repeats in other months are keyed with their month too.
  const yearKey = (l: VoucherLine): VoucherKey => ({ township: l.township, village: l.village, entity: l.entity, year: l.year, voucher: l.voucher });
  const monthlyKeys = new Set(rows.filter((l) => monthly.has(l.voucherRef)).map((l) => voucherKeyOf(yearKey(l))));
  for (const l of rows) {
    const key = yearKey(l);
    if (monthlyKeys.has(voucherKeyOf(key))) key.month = Number(l.date.slice(5, 7));
    const k = voucherKeyOf(key);
    const g = groups.get(k);
    if (g) g.lines.push(l);
    else groups.set(k, { key, keyString: k, lines: [l] });
  }
  return [...groups.values()];
}

export function sourcesOf(lines: VoucherLine[]): SourceRef[] {
  return lines.map((l) => sourceRef(l));
}

/** Where a line (or a project row) is: its file, the sheet of a workbook, its line. */
export function sourceRef(l: { file: string; sha256: string; line: number; sheet?: string | null }): SourceRef {
  return l.sheet ? { file: l.file, sheet: l.sheet, sha256: l.sha256, line: l.line } : { file: l.file, sha256: l.sha256, line: l.line };
}

/** Cash paid out by a voucher: credits to cash and bank less debits to them. */
export function cashPaidOut(lines: VoucherLine[]): number {
  let n = 0;
  for (const l of lines) if (l.isCash) n += l.creditFen - l.debitFen;
  return n;
}

/** Words found in a text after masking look-alike phrases (酒精 is not 酒). */
export function wordsIn(text: string, words: readonly string[], masks: readonly string[]): string[] {
  let t = text;
  for (const m of masks) if (m) t = t.split(m).join('\u0000');
  return words.filter((w) => w && t.includes(w));
}

export function earliestDate(lines: VoucherLine[]): string {
  return lines.reduce((d, l) => (l.date < d ? l.date : d), lines[0]?.date ?? '');
}
