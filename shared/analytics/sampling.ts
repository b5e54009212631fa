// Samples of vouchers for pulling the paper, reproducible from a seed and parameters recorded in
// the trail (entity 'sample'):
// - random: every voucher of the population gets a priority, a seeded hash of its key (its
//   identity across re-imports: township|village|entity|year|number); the sample is the n
//   vouchers of lowest priority. So the same seed draws the same vouchers whatever order they were
//   loaded in, and extending to n + k adds the next k without changing the first n.
// - monetary-unit (MUS): the population's vouchers laid end to end by their amounts (debits), in
//   the order of their keys' hashes; each unit drawn is a fen of that total, uniform from the seed
//   (the k-th unit a hash of (seed, k)), and picks the voucher it falls in. A voucher's chance per
//   unit is its amount over the total; a big voucher may be hit more than once (each hit is
//   listed); extending draws the next units.
import { randomInt } from 'node:crypto';
import type { Sample, SampleMethod, SamplePick, SamplePopulation } from '../contract';
import { EngineError } from '../i18n/errors';
import { appendTrail, listTrail } from '../leads/trail';
import { sourceRef, voucherGroup, voucherKeyAt, voucherKeyOf, voucherLabel } from '../rules/voucher-lines';
import type { Db } from '../workspace/db';
import { dateNumber } from '../workspace/ledger-encoder';
import type { LedgerSnapshot } from '../workspace/ledger-snapshot';
import { populationText } from './exports';
import { lineTest } from './ledger-filter';
import { ledgerIndex, placesOf } from './ledger-index';

/** cyrb53: a fast, well-mixed 53-bit string hash with a seed (public domain, bryc). */
export function hash53(s: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The k-th number of a seed's stream, uniform in [0, 1). */
export function uniform(seed: number, k: number): number {
  return hash53(`unit:${k}`, seed) / 2 ** 53;
}

/** A voucher key's hash: what orders the population and, mixed with a seed, ranks it. */
export const keyHash = (key: string): number => hash53(key, 0);

/** murmur3's finaliser: 32 bits in, 32 well-mixed bits out. */
function fmix32(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A voucher's priority under a seed (53 bits, uniform): a seeded hash of its key's hash. */
export function priority(hash: number, seed: number): number {
  const lo = hash % 4294967296;
  const hi = Math.floor(hash / 4294967296);
  const a = fmix32(lo ^ fmix32(seed ^ 0x9e3779b9));
  const b = fmix32(hi ^ fmix32(a + seed));
  return (b & 2097151) * 4294967296 + fmix32(a ^ b);
}

interface VoucherFacts {
  hashes: Float64Array;
  /** Voucher indices in hash order. */
  byHash: Int32Array;
  /** Each voucher's debits. */
  debits: Float64Array;
}

const factsCache = new WeakMap<LedgerSnapshot, VoucherFacts>();

/** Every voucher's key hash and debits, and the vouchers in hash order: made once per snapshot (the keys themselves are not kept). */
function voucherFacts(ledger: LedgerSnapshot): VoucherFacts {
  let c = factsCache.get(ledger);
  if (!c) {
    const hashes = new Float64Array(ledger.vouchers.count);
    for (let v = 0; v < hashes.length; v++) hashes[v] = keyHash(voucherKeyOf(voucherKeyAt(ledger, v)));
    const byHash = Int32Array.from(hashes, (_, v) => v).sort((a, b) => (hashes[a] as number) - (hashes[b] as number) || a - b);
    const debits = new Float64Array(ledger.vouchers.count);
    const l = ledger.lines;
    for (let i = 0; i < l.count; i++) debits[l.voucher[i] as number] = (debits[l.voucher[i] as number] as number) + (l.debit[i] as number);
    factsCache.set(ledger, (c = { hashes, byHash, debits }));
  }
  return c;
}

/** The vouchers that may be drawn, laid end to end by their amounts in the order of their key hashes. */
export interface Frame {
  /** Snapshot voucher indices. */
  vouchers: Int32Array;
  /** Their key hashes (ascending). */
  hashes: Float64Array;
  /** Their debits (fen). */
  amounts: Float64Array;
  /** cum[j] = amounts before voucher j; cum[n] = total. */
  cum: Float64Array;
  total: number;
  fingerprint: string;
}

/** A frame from vouchers' key hashes and amounts (the population's, or a test's). */
export function frameFrom(vouchers: ArrayLike<number>, hashes: ArrayLike<number>, amounts: ArrayLike<number>): Frame {
  const n = vouchers.length;
  const order = Array.from({ length: n }, (_, j) => j);
  let sorted = true;
  for (let j = 1; j < n && sorted; j++) sorted = (hashes[j - 1] as number) < (hashes[j] as number);
  if (!sorted) order.sort((a, b) => (hashes[a] as number) - (hashes[b] as number) || (vouchers[a] as number) - (vouchers[b] as number));
  const f: Frame = { vouchers: new Int32Array(n), hashes: new Float64Array(n), amounts: new Float64Array(n), cum: new Float64Array(n + 1), total: 0, fingerprint: '' };
  let x = 0x811c9dc5;
  let y = n;
  order.forEach((src, j) => {
    f.vouchers[j] = vouchers[src] as number;
    f.hashes[j] = hashes[src] as number;
    f.amounts[j] = amounts[src] as number;
    f.cum[j + 1] = (f.cum[j] as number) + (amounts[src] as number);
    // The population's fingerprint: every key and amount, in order.
    x = fmix32(x ^ ((hashes[src] as number) % 4294967296));
    y = fmix32(y ^ x ^ Math.floor((hashes[src] as number) / 4294967296) ^ ((amounts[src] as number) % 4294967296));
  });
  f.total = f.cum[n] as number;
  f.fingerprint = `${n}:${x.toString(16).padStart(8, '0')}${y.toString(16).padStart(8, '0')}`;
  return f;
}

/** The population's vouchers: place, dates and minimum amount on the voucher, an account on one of its lines. MUS leaves out vouchers of no amount. */
export function frameOf(ledger: LedgerSnapshot, pop: SamplePopulation, method: SampleMethod): Frame {
  const idx = ledgerIndex(ledger);
  const vs = ledger.vouchers;
  const { hashes, byHash, debits } = voucherFacts(ledger);
  const places = new Uint8Array(idx.places.length);
  for (const p of placesOf(ledger, idx, pop)) places[p] = 1;
  const accountTest = pop.account?.trim() ? lineTest(ledger, { account: pop.account }) : null;
  const from = pop.dateFrom ? dateNumber(pop.dateFrom) : null;
  const to = pop.dateTo ? dateNumber(pop.dateTo) : null;
  const chosen: number[] = [];
  const amounts: number[] = [];
  // In hash order already, so the frame's sort has nothing to do.
  for (const v of byHash) {
    if (!places[idx.placeOfVoucher[v] as number]) continue;
    const d = vs.date[v] as number;
    if ((from !== null && d < from) || (to !== null && d > to)) continue;
    const amount = debits[v] as number;
    if (amount < (pop.minAmountFen ?? 0) || (method === 'mus' && amount <= 0)) continue;
    if (accountTest) {
      let hit = false;
      for (let k = 0; k < (vs.lineCount[v] as number) && !hit; k++) hit = accountTest(ledger.voucherLines[(vs.lineStart[v] as number) + k] as number);
      if (!hit) continue;
    }
    chosen.push(v);
    amounts.push(amount);
  }
  return frameFrom(chosen, chosen.map((v) => hashes[v] as number), amounts);
}

/** The frame positions of the `n` vouchers of lowest priority whose key hashes are not in `taken`, lowest first. */
export function randomPicks(frame: Frame, seed: number, n: number, taken: ReadonlySet<number> = new Set()): number[] {
  const size = frame.vouchers.length;
  const p = new Float64Array(size);
  for (let j = 0; j < size; j++) p[j] = taken.has(frame.hashes[j] as number) ? Infinity : priority(frame.hashes[j] as number, seed);
  const want = Math.min(n, size - taken.size);
  if (want <= 0) return [];
  const threshold = Float64Array.from(p).sort()[want - 1] as number;
  const out: number[] = [];
  for (let j = 0; j < size; j++) if ((p[j] as number) <= threshold && p[j] !== Infinity) out.push(j);
  return out.sort((a, b) => (p[a] as number) - (p[b] as number) || (frame.hashes[a] as number) - (frame.hashes[b] as number)).slice(0, want);
}

/** The frame position a unit (a fen counted through the population) falls in. */
export function voucherAtUnit(frame: Frame, unit: number): number {
  let lo = 0;
  let hi = frame.vouchers.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((frame.cum[mid] as number) <= unit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Units first .. first + count - 1 of the seed's stream, each with the frame position it picks. */
export function musUnits(frame: Frame, seed: number, first: number, count: number): { unit: number; j: number }[] {
  const out: { unit: number; j: number }[] = [];
  for (let k = first; k < first + count; k++) {
    const unit = Math.floor(uniform(seed, k) * frame.total);
    out.push({ unit, j: voucherAtUnit(frame, unit) });
  }
  return out;
}

function pickOf(ledger: LedgerSnapshot, frame: Frame, j: number, seq: number): SamplePick {
  const v = frame.vouchers[j] as number;
  const g = voucherGroup(ledger, v);
  const first = g.lines[0];
  return {
    seq, key: g.keyString, township: g.key.township, village: g.key.village, entity: g.key.entity, voucher: voucherLabel({ ...g.key, entity: '' }).zh,
    date: g.lines.reduce((d, x) => (x.date < d ? x.date : d), first?.date ?? ''), amountFen: frame.amounts[j] as number, lines: g.lines.length,
    source: first ? sourceRef(first) : null, lineId: first?.id ?? 0,
  };
}

/** Adds to `picks` (in place) the vouchers the new draws chose; MUS units hitting a voucher already picked join its units. */
function extendPicks(ledger: LedgerSnapshot, frame: Frame, method: SampleMethod, seed: number, picks: SamplePick[], from: number, count: number): void {
  if (method === 'random') {
    const taken = new Set(picks.map((p) => keyHash(p.key)));
    for (const j of randomPicks(frame, seed, count, taken)) picks.push(pickOf(ledger, frame, j, picks.length + 1));
    return;
  }
  if (frame.total <= 0) return;
  const byHash = new Map(picks.map((p) => [keyHash(p.key), p]));
  for (const { unit, j } of musUnits(frame, seed, from, count)) {
    let p = byHash.get(frame.hashes[j] as number);
    if (!p) {
      p = { ...pickOf(ledger, frame, j, picks.length + 1), units: [] };
      picks.push(p);
      byHash.set(frame.hashes[j] as number, p);
    }
    (p.units ??= []).push(unit);
  }
}

type Stored = Omit<Sample, 'history' | 'populationText'>;

/** Every sample in the trail, its latest state and its history. */
export function listSamples(db: Db): Sample[] {
  const byId = new Map<string, Sample>();
  for (const e of listTrail(db, { entity: 'sample', limit: 100_000 })) {
    const s = e.after as Stored;
    const prev = byId.get(e.entityId);
    const action = e.action === 'sample.extend' ? 'extend' : 'draw';
    byId.set(e.entityId, {
      ...s, populationText: { zh: populationText(s.population, 'zh'), en: populationText(s.population, 'en') },
      history: [...(prev?.history ?? []), { at: e.at, actor: e.actor, action, size: s.size, picks: s.picks.length }],
    });
  }
  return [...byId.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

export function getSample(db: Db, id: string): Sample {
  const s = listSamples(db).find((x) => x.id === id);
  if (!s) throw new EngineError('not-found', 'sample.err.not-found', { id });
  return s;
}

export function drawSample(db: Db, ledger: LedgerSnapshot, o: { method: SampleMethod; size: number; seed?: number; population: SamplePopulation; actor: string; now: string }): Sample {
  const frame = frameOf(ledger, o.population, o.method);
  if (frame.vouchers.length === 0) throw new EngineError('conflict', 'sample.err.empty');
  const seed = o.seed ?? randomInt(1, 2 ** 31 - 1);
  const picks: SamplePick[] = [];
  extendPicks(ledger, frame, o.method, seed, picks, 0, o.size);
  const id = `S${listSamples(db).length + 1}`;
  const stored: Stored = {
    id, method: o.method, seed, size: o.size, population: o.population, frame: { vouchers: frame.vouchers.length, amountFen: frame.total, fingerprint: frame.fingerprint },
    intervalFen: o.method === 'mus' ? Math.round(frame.total / o.size) : null, picks, createdAt: o.now, createdBy: o.actor,
  };
  appendTrail(db, { at: o.now, actor: o.actor, entity: 'sample', entityId: id, action: 'sample.draw', after: stored });
  return getSample(db, id);
}

export function extendSample(db: Db, ledger: LedgerSnapshot, o: { id: string; add: number; actor: string; now: string }): Sample {
  const s = getSample(db, o.id);
  const frame = frameOf(ledger, s.population, s.method);
  const picks = s.picks.map((p) => ({ ...p, ...(p.units ? { units: [...p.units] } : {}) }));
  extendPicks(ledger, frame, s.method, s.seed, picks, s.size, o.add);
  const size = s.size + o.add;
  const { history: _h, populationText: _p, ...rest } = s;
  const stored: Stored = {
    ...rest, size, picks, frame: { vouchers: frame.vouchers.length, amountFen: frame.total, fingerprint: frame.fingerprint },
    intervalFen: s.method === 'mus' ? Math.round(frame.total / size) : null,
  };
  appendTrail(db, { at: o.now, actor: o.actor, entity: 'sample', entityId: s.id, action: 'sample.extend', before: { size: s.size, picks: s.picks.length, frame: s.frame }, after: stored });
  return getSample(db, s.id);
}
