// The ledger as a person reads it, over the snapshot's columns (workspace/ledger-snapshot.ts):
// places (township, village) in order, each place's lines in date order (then source order), and
// lines found by id. Built once per snapshot (a new import makes a new snapshot) with one numeric
// sort of a million keys, so every page, context and summary after it is a loop over indices.
import type { LedgerSnapshot } from '../workspace/ledger-snapshot';

export interface Place {
  /** Text ids. */
  township: number;
  village: number;
  /** Its lines are order[start .. end). */
  start: number;
  end: number;
  vouchers: number;
}

export interface LedgerIndex {
  /** By township, then village (as Chinese sorts them). */
  places: Place[];
  /** Per voucher (snapshot index): its place. */
  placeOfVoucher: Int32Array;
  /** Line indices, place by place; within a place by date, then as they stand in the files. */
  order: Int32Array;
  /** rank[i]: where line i stands in `order`. */
  rank: Int32Array;
  /** Line index of a line id (ledger_rows.id), or -1. */
  lineOfId: (id: number) => number;
}

const cache = new WeakMap<LedgerSnapshot, LedgerIndex>();

export function ledgerIndex(ledger: LedgerSnapshot): LedgerIndex {
  let idx = cache.get(ledger);
  if (!idx) {
    idx = buildIndex(ledger);
    cache.set(ledger, idx);
  }
  return idx;
}

const collator = new Intl.Collator('zh-CN');

function buildPlaces(ledger: LedgerSnapshot): { places: Place[]; placeOfVoucher: Int32Array } {
  const vs = ledger.vouchers;
  const byKey = new Map<number, number>();
  const found: { township: number; village: number }[] = [];
  const raw = new Int32Array(vs.count);
  // Text ids are below 2^31; a pair as one number: township * 2^31 + village.
  for (let v = 0; v < vs.count; v++) {
    const k = (vs.township[v] as number) * 2147483648 + (vs.village[v] as number);
    let p = byKey.get(k);
    if (p === undefined) {
      p = found.length;
      byKey.set(k, p);
      found.push({ township: vs.township[v] as number, village: vs.village[v] as number });
    }
    raw[v] = p;
  }
  const text = (id: number): string => ledger.texts[id] ?? '';
  const sorted = found.map((_, i) => i).sort((a, b) => {
    const pa = found[a] as { township: number; village: number };
    const pb = found[b] as { township: number; village: number };
    return collator.compare(text(pa.township), text(pb.township)) || collator.compare(text(pa.village), text(pb.village));
  });
  const rankOf = new Int32Array(found.length);
  sorted.forEach((p, r) => { rankOf[p] = r; });
  const placeOfVoucher = new Int32Array(vs.count);
  for (let v = 0; v < vs.count; v++) placeOfVoucher[v] = rankOf[raw[v] as number] as number;
  const places = sorted.map((p) => ({ ...(found[p] as { township: number; village: number }), start: 0, end: 0, vouchers: 0 }));
  for (let v = 0; v < vs.count; v++) (places[placeOfVoucher[v] as number] as Place).vouchers++;
  return { places, placeOfVoucher };
}

/** yyyymmdd as a small ordinal (31 days a month, 12 months a year from the first year): order is all a sort needs. */
function dayOrdinal(d: number, firstYear: number): number {
  return (Math.floor(d / 10000) - firstYear) * 372 + (Math.floor(d / 100) % 100 - 1) * 31 + (d % 100) - 1;
}

function buildIndex(ledger: LedgerSnapshot): LedgerIndex {
  const { places, placeOfVoucher } = buildPlaces(ledger);
  const l = ledger.lines;
  const n = l.count;
  let minDate = Infinity;
  let maxDate = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = l.date[i] as number;
    if (d < minDate) minDate = d;
    if (d > maxDate) maxDate = d;
  }
  const firstYear = n ? Math.floor(minDate / 10000) : 0;
  const days = n ? dayOrdinal(maxDate, firstYear) + 1 : 1;
  const order = new Int32Array(n);
  if (places.length * days * Math.max(1, n) < Number.MAX_SAFE_INTEGER) {
    // One key per line, (place, day, line) in one exact number: a numeric sort, no comparator.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = ((placeOfVoucher[l.voucher[i] as number] as number) * days + dayOrdinal(l.date[i] as number, firstYear)) * n + i;
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % n;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => ((placeOfVoucher[l.voucher[a] as number] as number) - (placeOfVoucher[l.voucher[b] as number] as number)) || ((l.date[a] as number) - (l.date[b] as number)) || a - b);
  }
  const rank = new Int32Array(n);
  for (let k = 0; k < n; k++) rank[order[k] as number] = k;
  for (const p of places) p.start = p.end = -1;
  for (let k = 0; k < n; k++) {
    const p = places[placeOfVoucher[l.voucher[order[k] as number] as number] as number] as Place;
    if (p.start < 0) p.start = k;
    p.end = k + 1;
  }
  for (const p of places) if (p.start < 0) p.start = p.end = 0;
  return { places, placeOfVoucher, order, rank, lineOfId: idLookup(ledger) };
}

/** Ids are ascending in the snapshot when each file was written in one go (the usual case): then a binary search; else a sorted copy. */
function idLookup(ledger: LedgerSnapshot): (id: number) => number {
  const ids = ledger.lines.id;
  const n = ledger.lines.count;
  let ascending = true;
  for (let i = 1; i < n && ascending; i++) if ((ids[i] as number) <= (ids[i - 1] as number)) ascending = false;
  let sorted = ids.subarray(0, n);
  let at: Int32Array | null = null;
  if (!ascending) {
    at = new Int32Array(n);
    for (let i = 0; i < n; i++) at[i] = i;
    at.sort((a, b) => (ids[a] as number) - (ids[b] as number));
    sorted = Float64Array.from(at, (i) => ids[i] as number);
  }
  return (id) => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = sorted[mid] as number;
      if (v === id) return at ? (at[mid] as number) : mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}

/** The places a township and a village name select (exact names); every place without either. */
export function placesOf(ledger: LedgerSnapshot, idx: LedgerIndex, f: { township?: string; village?: string }): number[] {
  const out: number[] = [];
  idx.places.forEach((p, i) => {
    if (f.township && ledger.texts[p.township] !== f.township) return;
    if (f.village && ledger.texts[p.village] !== f.village) return;
    out.push(i);
  });
  return out;
}
