// The ledger as the ledger screen, the CLI and a printed finding show it: pages of a village's
// lines (or the district's) in date order, filtered, with totals; and the ledger around a
// finding, a voucher or a project. Loops over the snapshot's columns; row objects only for the
// lines shown.
import type { LedgerContext, LedgerPage, LedgerPlace, LedgerQuery, LedgerRow } from '../contract';
import { EngineError } from '../i18n/errors';
import { lineAt } from '../rules/voucher-lines';
import type { Db } from '../workspace/db';
import { getFindingRow } from '../workspace/findings-store';
import type { LedgerSnapshot } from '../workspace/ledger-snapshot';
import { lineTest } from './ledger-filter';
import { ledgerIndex, placesOf, type LedgerIndex } from './ledger-index';

export const DEFAULT_PAGE = 200;
/** A context window longer than this is cut (a project paid over years): the rest is a page away. */
export const MAX_CONTEXT = 600;

/** Line i as the ledger screen shows it. */
export function ledgerRow(ledger: LedgerSnapshot, i: number): LedgerRow {
  const l = lineAt(ledger, i);
  const row: LedgerRow = {
    id: l.id, file: l.file, line: l.line, entity: l.entity, date: l.date, voucher: l.voucher, summary: l.summary, accountCode: l.accountCode,
    accountName: l.accountName, debitFen: l.debitFen, creditFen: l.creditFen, attachments: l.attachments, counterparty: l.counterparty, project: l.project,
    township: l.township, village: l.village, handler: l.handler, approver: l.approver,
  };
  // A text file's line has no sheet: the field is left out (as ledgerLineViews does).
  return l.sheet ? { ...row, sheet: l.sheet } : row;
}

export function listPlaces(ledger: LedgerSnapshot): LedgerPlace[] {
  return ledgerIndex(ledger).places.map((p) => ({ township: ledger.texts[p.township] ?? '', village: ledger.texts[p.village] ?? '', lines: p.end - p.start, vouchers: p.vouchers }));
}

/** Positions in idx.order of the lines a filter selects, in view order. */
export function selectLines(ledger: LedgerSnapshot, idx: LedgerIndex, q: LedgerQuery): Int32Array {
  const test = lineTest(ledger, q);
  const places = placesOf(ledger, idx, q);
  let size = 0;
  for (const p of places) size += (idx.places[p]?.end ?? 0) - (idx.places[p]?.start ?? 0);
  const out = new Int32Array(size);
  let n = 0;
  for (const p of places) {
    const { start, end } = idx.places[p] as { start: number; end: number };
    for (let k = start; k < end; k++) if (!test || test(idx.order[k] as number)) out[n++] = k;
  }
  return out.subarray(0, n);
}

/** First index in the ascending positions whose value is at least `pos`. */
function lowerBound(positions: Int32Array, pos: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((positions[mid] as number) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function queryLedger(ledger: LedgerSnapshot, q: LedgerQuery): LedgerPage {
  const idx = ledgerIndex(ledger);
  const hits = selectLines(ledger, idx, q);
  let debitFen = 0;
  let creditFen = 0;
  for (const k of hits) {
    const i = idx.order[k] as number;
    debitFen += ledger.lines.debit[i] as number;
    creditFen += ledger.lines.credit[i] as number;
  }
  const limit = q.limit ?? DEFAULT_PAGE;
  let offset = q.offset ?? 0;
  if (q.aroundLineId !== undefined) {
    const i = idx.lineOfId(q.aroundLineId);
    if (i < 0) throw new EngineError('not-found', 'err.not-found', { what: String(q.aroundLineId) });
    offset = Math.max(0, Math.min(lowerBound(hits, idx.rank[i] as number), hits.length - 1) - (q.before ?? 0));
  }
  const rows: LedgerRow[] = [];
  for (let k = offset; k < Math.min(hits.length, offset + limit); k++) rows.push(ledgerRow(ledger, idx.order[hits[k] as number] as number));
  return { total: hits.length, debitFen, creditFen, offset, rows };
}

/** The vouchers (snapshot indices) an anchor is about. */
function anchorVouchers(db: Db, ledger: LedgerSnapshot, idx: LedgerIndex, a: { findingId?: string; lineId?: number; project?: string }): number[] {
  const l = ledger.lines;
  const vouchers = new Set<number>();
  if (a.findingId !== undefined) {
    const f = getFindingRow(db, a.findingId);
    if (!f) throw new EngineError('not-found', 'err.not-found', { what: a.findingId });
    for (const id of f.lineIds) {
      const i = idx.lineOfId(id);
      if (i >= 0) vouchers.add(l.voucher[i] as number);
    }
  } else if (a.lineId !== undefined) {
    const i = idx.lineOfId(a.lineId);
    if (i >= 0) vouchers.add(l.voucher[i] as number);
  } else if (a.project !== undefined) {
    const code = ledger.texts.indexOf(a.project);
    if (code > 0) for (let i = 0; i < l.count; i++) if (ledger.attrs.project[l.attrs[i] as number] === code) vouchers.add(l.voucher[i] as number);
  }
  if (vouchers.size === 0) throw new EngineError('not-found', 'err.not-found', { what: a.findingId ?? a.project ?? String(a.lineId) });
  return [...vouchers];
}

/**
 * The whole vouchers an anchor is about, and its village's lines from `before` lines above the
 * first of them to `after` below the last (cut at MAX_CONTEXT lines). A project's payments in
 * several villages are shown for the village of its first voucher.
 */
export function ledgerContext(db: Db, ledger: LedgerSnapshot, a: { findingId?: string; lineId?: number; project?: string; before?: number; after?: number }): LedgerContext {
  const idx = ledgerIndex(ledger);
  const vs = ledger.vouchers;
  const all = anchorVouchers(db, ledger, idx, a);
  const firstLine = (v: number) => ledger.voucherLines[vs.lineStart[v] as number] as number;
  all.sort((x, y) => (idx.rank[firstLine(x)] as number) - (idx.rank[firstLine(y)] as number));
  const place = idx.placeOfVoucher[all[0] as number] as number;
  const chosen = all.filter((v) => idx.placeOfVoucher[v] === place);
  const anchorLines: number[] = [];
  for (const v of chosen) for (let k = 0; k < (vs.lineCount[v] as number); k++) anchorLines.push(ledger.voucherLines[(vs.lineStart[v] as number) + k] as number);
  anchorLines.sort((x, y) => (idx.rank[x] as number) - (idx.rank[y] as number));
  const p = idx.places[place] as { start: number; end: number; township: number; village: number };
  const first = idx.rank[anchorLines[0] as number] as number;
  const last = idx.rank[anchorLines[anchorLines.length - 1] as number] as number;
  const from = Math.max(p.start, first - (a.before ?? 10));
  let to = Math.min(p.end, last + 1 + (a.after ?? 10));
  const truncated = to - from > MAX_CONTEXT;
  if (truncated) to = from + MAX_CONTEXT;
  const lines: LedgerRow[] = [];
  for (let k = from; k < to; k++) lines.push(ledgerRow(ledger, idx.order[k] as number));
  return {
    township: ledger.texts[p.township] ?? '', village: ledger.texts[p.village] ?? '',
    anchorLineIds: anchorLines.map((i) => ledger.lines.id[i] as number),
    vouchers: chosen.map((v) => {
      const rows: LedgerRow[] = [];
      for (let k = 0; k < (vs.lineCount[v] as number); k++) rows.push(ledgerRow(ledger, ledger.voucherLines[(vs.lineStart[v] as number) + k] as number));
      return { voucher: ledger.texts[vs.number[v] as number] ?? '', date: rows.reduce((d, r) => (r.date < d ? r.date : d), rows[0]?.date ?? ''), lines: rows };
    }),
    lines, offset: from - p.start, villageLines: p.end - p.start, truncated,
  };
}
