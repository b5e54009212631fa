// What the rules share: the ledger in memory (workspace/ledger-snapshot.ts) narrowed with
// integer masks (words matched once per distinct text, then tested per line by id), and whole
// vouchers (every line as text, with its source file, sheet and line number) built only for the
// few candidates a rule reports.
import type { SourceRef } from '../contract';
import { bi, type Bilingual } from '../i18n/messages';
import type { NewFinding } from '../workspace/findings-store';
import { dateText } from '../workspace/ledger-encoder';
import { lineRecord, type AttrField, type LedgerSnapshot, type SnapshotLine } from '../workspace/ledger-snapshot';

/** A ledger line as the rules read it back: the imported record, plus where it is stored and whether it is cash. */
export type VoucherLine = SnapshotLine;

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

/** Per text id, 1 where the text passes the test: words are matched once per distinct text, not per line. */
export function textMask(ledger: LedgerSnapshot, test: (text: string) => boolean): Uint8Array {
  const out = new Uint8Array(ledger.texts.length);
  for (let id = 1; id < ledger.texts.length; id++) {
    const t = ledger.texts[id];
    if (t !== undefined && test(t)) out[id] = 1;
  }
  return out;
}

/** Per attribute tuple id, 1 where one of the fields' texts is in the mask. */
export function attrMask(ledger: LedgerSnapshot, fields: readonly AttrField[], texts: Uint8Array): Uint8Array {
  const n = ledger.attrs.isCash.length;
  const out = new Uint8Array(n);
  for (const f of fields) {
    const col = ledger.attrs[f];
    for (let a = 0; a < n; a++) if (texts[col[a] as number]) out[a] = 1;
  }
  return out;
}

/** The text of one of a line's attribute fields. */
export function attrText(ledger: LedgerSnapshot, attrsId: number, field: AttrField): string {
  return ledger.texts[ledger.attrs[field][attrsId] as number] ?? '';
}

/** A voucher's identity: (township, village, entity, year, number), with the month where numbers restart monthly. */
export function voucherKeyAt(ledger: LedgerSnapshot, v: number): VoucherKey {
  const vs = ledger.vouchers;
  const t = ledger.texts;
  const key: VoucherKey = {
    township: t[vs.township[v] as number] ?? '', village: t[vs.village[v] as number] ?? '', entity: t[vs.entity[v] as number] ?? '',
    year: vs.year[v] as number, voucher: t[vs.number[v] as number] ?? '',
  };
  if (vs.monthly[v]) key.month = vs.month[v] as number;
  return key;
}

/** Line i of the snapshot as the rules read it back: every field as text, where it is stored. */
export const lineAt = lineRecord;

/** A voucher with every line, in source order: built for the candidates a rule reports. */
export function voucherGroup(ledger: LedgerSnapshot, v: number): VoucherGroup {
  const key = voucherKeyAt(ledger, v);
  const start = ledger.vouchers.lineStart[v] as number;
  const n = ledger.vouchers.lineCount[v] as number;
  const lines: VoucherLine[] = [];
  for (let k = 0; k < n; k++) lines.push(lineAt(ledger, ledger.voucherLines[start + k] as number));
  return { key, keyString: voucherKeyOf(key), lines };
}

/** Vouchers with a line passing the test (by line index), each once, in voucher order. */
export function vouchersWhere(ledger: LedgerSnapshot, test: (line: number) => boolean): number[] {
  const hit = new Uint8Array(ledger.vouchers.count);
  const l = ledger.lines;
  for (let i = 0; i < l.count; i++) if (test(i)) hit[l.voucher[i] as number] = 1;
  const out: number[] = [];
  for (let v = 0; v < hit.length; v++) if (hit[v]) out.push(v);
  return out;
}

/** Per file of the snapshot, the source it is as findings name it (file, sheet, hash), made once. */
const fileRefs = new WeakMap<LedgerSnapshot['files'], { name: string; sheet: string | null; sha256: string }[]>();

function refsOfFiles(ledger: LedgerSnapshot): { name: string; sheet: string | null; sha256: string }[] {
  let r = fileRefs.get(ledger.files);
  if (!r) fileRefs.set(ledger.files, (r = ledger.files.map((f) => ({ name: f.name, sheet: f.sheet, sha256: f.sha256 }))));
  return r;
}

/** The ids and sources of a voucher's lines, in source order, without building their text (for findings over many vouchers). */
export function voucherRefs(ledger: LedgerSnapshot, v: number, into: { lineIds: number[]; sources: SourceRef[] } = { lineIds: [], sources: [] }): { lineIds: number[]; sources: SourceRef[] } {
  const start = ledger.vouchers.lineStart[v] as number;
  const n = ledger.vouchers.lineCount[v] as number;
  const l = ledger.lines;
  const files = refsOfFiles(ledger);
  for (let k = 0; k < n; k++) {
    const i = ledger.voucherLines[start + k] as number;
    const f = files[l.file[i] as number] ?? { name: '', sheet: null, sha256: '' };
    const line = l.lineNo[i] as number;
    into.lineIds.push(l.id[i] as number);
    into.sources.push(f.sheet ? { file: f.name, sheet: f.sheet, sha256: f.sha256, line } : { file: f.name, sha256: f.sha256, line });
  }
  return into;
}

/**
 * A finding on one or more vouchers (snapshot indices, in the order given): its place is the
 * first's, its vouchers their numbers as the source writes them, its lines and sources every line
 * of each; the date the first voucher's unless given.
 */
export function findingOn(ledger: LedgerSnapshot, vouchers: readonly number[], f: {
  amountFen: number; reason: Bilingual; key: string; date?: string; project?: string | null; details?: unknown;
  /** The first voucher's key, where the caller has it already. */
  at?: VoucherKey;
}): NewFinding {
  const first = f.at ?? voucherKeyAt(ledger, vouchers[0] as number);
  const refs = { lineIds: [] as number[], sources: [] as SourceRef[] };
  const numbers: string[] = [];
  const seen = new Set<number>();
  for (const v of vouchers) {
    voucherRefs(ledger, v, refs);
    const id = ledger.vouchers.number[v] as number;
    if (!seen.has(id)) {
      seen.add(id);
      numbers.push(ledger.texts[id] ?? '');
    }
  }
  const { lineIds, sources } = refs;
  const out: NewFinding = {
    township: first.township, village: first.village, date: f.date ?? dateText(ledger.vouchers.date[vouchers[0] as number] as number), vouchers: numbers,
    project: f.project ?? null, amountFen: f.amountFen, reason: f.reason.zh, reasonEn: f.reason.en, lineIds, sources, key: f.key,
  };
  if (f.details !== undefined) out.details = f.details;
  return out;
}

/** The date of a voucher (its earliest line), as text. */
export function voucherDate(ledger: LedgerSnapshot, v: number): string {
  return dateText(ledger.vouchers.date[v] as number);
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
