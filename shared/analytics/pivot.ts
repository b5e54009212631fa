// Summaries (pivots) of the ledger and of the findings, by one dimension or two, with totals that
// are exactly the sums of what they summarise (integer fen). The ledger's lines are grouped in
// one loop over the snapshot's columns, by numeric keys; texts are made only for the values shown.
// A finding is counted once: under its place, month and rule, and for the line dimensions
// (account, counterparty, handler, approver) under the values of its principal line, the largest
// line that is not cash or bank (the expense, the payable), so totals never count it twice.
import type { FindingQuery, PivotDimension, PivotLine, PivotMeasure, PivotQuery, PivotTable, PivotValue } from '../contract';
import { EngineError } from '../i18n/errors';
import type { Db } from '../workspace/db';
import { findingFacts } from '../workspace/findings-store';
import type { LedgerSnapshot } from '../workspace/ledger-snapshot';
import { ledgerIndex, type LedgerIndex } from './ledger-index';
import { selectLines } from './ledger-view';

/** Values beyond these are folded into one last line (column). */
export const MAX_LINES = 2000;
export const MAX_COLUMNS = 60;
/** The key of the line (column) that folds the values beyond the limits. */
export const FOLDED_KEY = '*';

interface Dim {
  keyOf: (j: number) => number;
  describe: (k: number) => { key: string; label: string };
  /** Months and years read in time order; others by amount. */
  chronological: boolean;
}

const NONE = -(2 ** 40);
const none = { key: '', label: '' };
const monthText = (k: number) => `${Math.floor(k / 100)}-${String(k % 100).padStart(2, '0')}`;

/** A dimension over line indices. */
function ledgerDim(ledger: LedgerSnapshot, idx: LedgerIndex, dim: PivotDimension): Dim {
  const l = ledger.lines;
  const vs = ledger.vouchers;
  const at = ledger.attrs;
  const text = (id: number) => ledger.texts[id] ?? '';
  const textDim = (col: Int32Array): Dim => ({ keyOf: (i) => col[l.attrs[i] as number] as number, describe: (k) => ({ key: text(k), label: text(k) }), chronological: false });
  switch (dim) {
    case 'township':
      return { keyOf: (i) => vs.township[l.voucher[i] as number] as number, describe: (k) => ({ key: text(k), label: text(k) }), chronological: false };
    case 'village':
      return {
        keyOf: (i) => idx.placeOfVoucher[l.voucher[i] as number] as number,
        describe: (k) => {
          const p = idx.places[k];
          return p ? { key: `${text(p.township)}/${text(p.village)}`, label: `${text(p.township)} ${text(p.village)}` } : none;
        },
        chronological: false,
      };
    case 'account': {
      // By code where there is one (its first name seen as the label), else by name.
      const nameOf = new Map<number, number>();
      return {
        keyOf: (i) => {
          const a = l.attrs[i] as number;
          const code = at.accountCode[a] as number;
          if (code === 0) return -1 - (at.accountName[a] as number);
          if (!nameOf.has(code)) nameOf.set(code, at.accountName[a] as number);
          return code;
        },
        describe: (k) => (k < 0 ? { key: text(-1 - k), label: text(-1 - k) } : { key: text(k), label: `${text(k)} ${text(nameOf.get(k) ?? 0)}`.trim() }),
        chronological: false,
      };
    }
    case 'counterparty': return textDim(at.counterparty);
    case 'handler': return textDim(at.handler);
    case 'approver': return textDim(at.approver);
    case 'month': return { keyOf: (i) => Math.floor((l.date[i] as number) / 100), describe: (k) => ({ key: monthText(k), label: monthText(k) }), chronological: true };
    case 'year': return { keyOf: (i) => Math.floor((l.date[i] as number) / 10000), describe: (k) => ({ key: String(k), label: String(k) }), chronological: true };
    case 'rule': throw new EngineError('invalid-arguments', 'analytics.err.dimension', { dimension: dim });
  }
}

type Fact = ReturnType<typeof findingFacts>[number];

/** Strings to small numbers and back. */
function interner(): { id: (s: string) => number; text: (k: number) => string } {
  const ids = new Map<string, number>();
  const texts: string[] = [];
  return {
    id: (s) => {
      let k = ids.get(s);
      if (k === undefined) {
        k = texts.length;
        ids.set(s, k);
        texts.push(s);
      }
      return k;
    },
    text: (k) => texts[k] ?? '',
  };
}

/** The principal line of each finding (snapshot index, -1 when none of its lines is in the ledger). */
function principalLines(ledger: LedgerSnapshot, idx: LedgerIndex, facts: Fact[]): Int32Array {
  const l = ledger.lines;
  const out = new Int32Array(facts.length).fill(-1);
  facts.forEach((f, j) => {
    let best = -1;
    let bestScore = -1;
    for (const id of f.lineIds) {
      const i = idx.lineOfId(id);
      if (i < 0) continue;
      // Lines other than cash and bank first; then the larger amount; then the first.
      const score = (ledger.attrs.isCash[l.attrs[i] as number] ? 0 : 2 ** 52) + Math.max(l.debit[i] as number, l.credit[i] as number);
      if (score > bestScore) { best = i; bestScore = score; }
    }
    out[j] = best;
  });
  return out;
}

/** A dimension over the findings' indices. */
function findingDim(ledger: LedgerSnapshot, idx: LedgerIndex, facts: Fact[], principal: Int32Array, dim: PivotDimension): Dim {
  const byText = (of: (f: Fact) => string, label?: (s: string) => string): Dim => {
    const s = interner();
    return { keyOf: (j) => s.id(of(facts[j] as Fact)), describe: (k) => ({ key: s.text(k), label: label ? label(s.text(k)) : s.text(k) }), chronological: false };
  };
  switch (dim) {
    case 'township': return byText((f) => f.township);
    case 'village': return byText((f) => `${f.township}/${f.village}`, (s) => s.replace('/', ' '));
    case 'rule': return byText((f) => f.rule);
    case 'month': return { keyOf: (j) => Number((facts[j] as Fact).date.slice(0, 7).replace('-', '')), describe: (k) => ({ key: monthText(k), label: monthText(k) }), chronological: true };
    case 'year': return { keyOf: (j) => Number((facts[j] as Fact).date.slice(0, 4)), describe: (k) => ({ key: String(k), label: String(k) }), chronological: true };
    default: {
      const line = ledgerDim(ledger, idx, dim);
      return { keyOf: (j) => ((principal[j] as number) < 0 ? NONE : line.keyOf(principal[j] as number)), describe: (k) => (k === NONE ? none : line.describe(k)), chronological: false };
    }
  }
}

interface Acc { count: number; amount: number; cells: Map<number, PivotValue> }

const add = (v: PivotValue, amount: number, count = 1): void => { v.count += count; v.amountFen += amount; };
const zero = (): PivotValue => ({ count: 0, amountFen: 0 });

/** Orders the keys (by time, or by amount then count then label) and keeps the first `max`; the rest fold into one. */
function arrange(keys: Map<number, PivotValue>, dim: Dim, max: number): { shown: number[]; folded: number[] } {
  const list = [...keys.entries()];
  if (dim.chronological) list.sort((a, b) => a[0] - b[0]);
  else {
    const labels = new Map(list.map(([k]) => [k, dim.describe(k).label]));
    list.sort((a, b) => Math.abs(b[1].amountFen) - Math.abs(a[1].amountFen) || b[1].count - a[1].count || ((labels.get(a[0]) ?? '') < (labels.get(b[0]) ?? '') ? -1 : 1));
  }
  const keysInOrder = list.map(([k]) => k);
  if (keysInOrder.length <= max) return { shown: keysInOrder, folded: [] };
  return { shown: keysInOrder.slice(0, max - 1), folded: keysInOrder.slice(max - 1) };
}

/** Groups items 0..n-1 by the row dimension (and the column one) and lays the table out. */
function tabulate(n: number, rowDim: Dim, colDim: Dim | null, amountOf: (j: number) => number, meta: Omit<PivotTable, 'columnKeys' | 'lines' | 'totals' | 'folded'>): PivotTable {
  const rows = new Map<number, Acc>();
  const colTotals = new Map<number, PivotValue>();
  const grand = zero();
  for (let j = 0; j < n; j++) {
    const amount = amountOf(j);
    const rk = rowDim.keyOf(j);
    let acc = rows.get(rk);
    if (!acc) rows.set(rk, (acc = { count: 0, amount: 0, cells: new Map() }));
    acc.count++;
    acc.amount += amount;
    add(grand, amount);
    if (colDim) {
      const ck = colDim.keyOf(j);
      let cell = acc.cells.get(ck);
      if (!cell) acc.cells.set(ck, (cell = zero()));
      add(cell, amount);
      let ct = colTotals.get(ck);
      if (!ct) colTotals.set(ck, (ct = zero()));
      add(ct, amount);
    }
  }
  const cols = colDim ? arrange(colTotals, colDim, MAX_COLUMNS) : { shown: [], folded: [] };
  const columnKeys = cols.shown.map((k) => (colDim as Dim).describe(k));
  if (cols.folded.length) columnKeys.push({ key: FOLDED_KEY, label: '' });
  const cellsOf = (m: Map<number, PivotValue>): PivotValue[] => {
    const out = cols.shown.map((k) => ({ ...(m.get(k) ?? zero()) }));
    if (cols.folded.length) {
      const rest = zero();
      for (const k of cols.folded) { const v = m.get(k); if (v) add(rest, v.amountFen, v.count); }
      out.push(rest);
    }
    return out;
  };
  const rowTotals = new Map([...rows.entries()].map(([k, a]) => [k, { count: a.count, amountFen: a.amount }]));
  const arranged = arrange(rowTotals, rowDim, MAX_LINES);
  const lines: PivotLine[] = arranged.shown.map((k) => {
    const a = rows.get(k) as Acc;
    return { ...rowDim.describe(k), cells: cellsOf(a.cells), total: { count: a.count, amountFen: a.amount } };
  });
  if (arranged.folded.length) {
    const cells = new Map<number, PivotValue>();
    const total = zero();
    for (const k of arranged.folded) {
      const a = rows.get(k) as Acc;
      add(total, a.amount, a.count);
      for (const [ck, v] of a.cells) { let c = cells.get(ck); if (!c) cells.set(ck, (c = zero())); add(c, v.amountFen, v.count); }
    }
    lines.push({ key: FOLDED_KEY, label: '', cells: cellsOf(cells), total });
  }
  return { ...meta, columnKeys, lines, totals: { cells: cellsOf(colTotals), total: grand }, folded: arranged.folded.length };
}

function measureOf(l: LedgerSnapshot['lines'], m: PivotMeasure): (i: number) => number {
  if (m === 'credit') return (i) => l.credit[i] as number;
  if (m === 'net') return (i) => (l.debit[i] as number) - (l.credit[i] as number);
  return (i) => l.debit[i] as number;
}

export function pivotLedger(ledger: LedgerSnapshot, q: PivotQuery): PivotTable {
  const idx = ledgerIndex(ledger);
  const hits = selectLines(ledger, idx, q.ledger ?? {});
  const lineOf = (j: number) => idx.order[hits[j] as number] as number;
  const rd = ledgerDim(ledger, idx, q.rows);
  const cd = q.columns ? ledgerDim(ledger, idx, q.columns) : null;
  const measure = q.measure ?? 'debit';
  const amount = measureOf(ledger.lines, measure);
  return tabulate(hits.length, { ...rd, keyOf: (j) => rd.keyOf(lineOf(j)) }, cd && { ...cd, keyOf: (j) => cd.keyOf(lineOf(j)) }, (j) => amount(lineOf(j)),
    { source: 'ledger', rows: q.rows, columns: q.columns ?? null, measure });
}

export function pivotFindings(db: Db, ledger: LedgerSnapshot, q: PivotQuery): PivotTable {
  const idx = ledgerIndex(ledger);
  const facts = findingFacts(db, (q.findings ?? {}) as FindingQuery);
  const principal = principalLines(ledger, idx, facts);
  const rd = findingDim(ledger, idx, facts, principal, q.rows);
  const cd = q.columns ? findingDim(ledger, idx, facts, principal, q.columns) : null;
  return tabulate(facts.length, rd, cd, (j) => (facts[j] as Fact).amountFen, { source: 'findings', rows: q.rows, columns: q.columns ?? null, measure: 'debit' });
}

export function pivot(db: Db, ledger: LedgerSnapshot, q: PivotQuery): PivotTable {
  return q.source === 'ledger' ? pivotLedger(ledger, q) : pivotFindings(db, ledger, q);
}
