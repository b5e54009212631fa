// The sampling designs on frames made by hand: a unit falls in the voucher whose span holds it;
// a voucher is hit as often as its amount says (MUS); random picks are uniform, the same for a
// seed whatever order the vouchers come in, and extending never changes what was drawn.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameFrom, hash53, keyHash, musUnits, priority, randomPicks, uniform, voucherAtUnit, type Frame } from '../../shared/analytics/sampling';

/** A frame of vouchers 0..n-1 with these amounts and keys (laid out in key-hash order, as the engine does). */
function frame(amounts: number[], keys = amounts.map((_, i) => `k${String(i).padStart(4, '0')}`)): Frame {
  return frameFrom(amounts.map((_, i) => i), keys.map(keyHash), amounts);
}

/** The voucher (its number) at a frame position. */
const at = (f: Frame, j: number): number => f.vouchers[j] as number;

describe('monetary-unit sampling', () => {
  it('finds the voucher a unit falls in, at the edges too', () => {
    const f = frame([100, 1, 50]);
    const spans = Array.from(f.vouchers, (v, j) => [v, f.cum[j], f.cum[j + 1]]);
    for (const [v, from, to] of spans as [number, number, number][]) {
      expect(at(f, voucherAtUnit(f, from))).toBe(v);
      expect(at(f, voucherAtUnit(f, to - 1))).toBe(v);
    }
    expect(f.total).toBe(151);
  });

  it('hits each voucher in proportion to its amount', () => {
    const amounts = [1000, 2000, 3000, 4000, 10_000, 30_000];
    const f = frame(amounts);
    const hits = new Array(amounts.length).fill(0) as number[];
    const draws = 60_000;
    for (const { j } of musUnits(f, 12345, 0, draws)) hits[at(f, j)]!++;
    amounts.forEach((a, j) => {
      const expected = (draws * a) / f.total;
      // Within four standard deviations of the binomial.
      const sd = Math.sqrt(expected * (1 - a / f.total));
      expect(Math.abs((hits[j] as number) - expected), `voucher ${j}`).toBeLessThan(4 * sd);
    });
  });

  it('draws the same units from the same seed, and more of them by going on', () => {
    const f = frame([5, 7, 11, 13]);
    const first = musUnits(f, 99, 0, 10);
    expect(musUnits(f, 99, 0, 10)).toEqual(first);
    expect(musUnits(f, 99, 0, 15).slice(0, 10)).toEqual(first);
    expect(musUnits(f, 100, 0, 10)).not.toEqual(first);
    for (let k = 0; k < 1000; k++) {
      const u = uniform(7, k);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });
});

describe('random sampling', () => {
  it('gives every voucher the same chance', () => {
    const f = frame(new Array(20).fill(1));
    const hits = new Array(20).fill(0) as number[];
    const seeds = 4000;
    for (let s = 1; s <= seeds; s++) for (const j of randomPicks(f, s, 5)) hits[at(f, j)]!++;
    const expected = (seeds * 5) / 20;
    for (const h of hits) expect(Math.abs(h - expected)).toBeLessThan(4 * Math.sqrt(expected * (1 - 5 / 20)));
  });

  it('picks by the vouchers\' keys, whatever order they come in, and extends without changing earlier picks', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (keys, seed, n, k) => {
        const f = frame(keys.map(() => 1), keys);
        const reversedKeys = [...keys].reverse();
        const reversed = frame(keys.map(() => 1), reversedKeys);
        const picked = randomPicks(f, seed, n).map((j) => keys[at(f, j)] as string);
        expect(randomPicks(reversed, seed, n).map((j) => reversedKeys[at(reversed, j)])).toEqual(picked);
        const taken = new Set(picked.map(keyHash));
        const extension = randomPicks(f, seed, k, taken).map((j) => keys[at(f, j)]);
        expect([...picked, ...extension]).toEqual(randomPicks(f, seed, n + k).map((j) => keys[at(f, j)]));
      }));
  });

  it('hashes with a seed into 53 bits', () => {
    expect(hash53('记-15', 1)).toBe(hash53('记-15', 1));
    expect(hash53('记-15', 1)).not.toBe(hash53('记-15', 2));
    expect(hash53('a', 0)).toBeLessThan(2 ** 53);
    for (let s = 1; s < 200; s++) {
      const p = priority(keyHash(`记-${s}`), s);
      expect(Number.isInteger(p) && p >= 0 && p < 2 ** 53).toBe(true);
    }
  });
});
