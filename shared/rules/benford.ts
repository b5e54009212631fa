// 首位数字分布异常: per village with enough payments, the first digits of the amounts paid against
// Benford's law, by mean absolute deviation (Nigrini's first-digit thresholds).
import { z } from 'zod';
import type { BenfordFigures } from '../contract';
import { bi, joinBi, listBi } from '../i18n/messages';
import { dateText } from '../workspace/ledger-encoder';
import { places } from './ledger-facts';
import { defineRule, noticeOf, type CoverageGap, type RuleFinding } from './types';
import { findingOn } from './voucher-lines';

const settings = z.object({
  /** Below this many payments a village is not tested: too few for the distribution to mean anything. */
  minPayments: z.number().int().min(50).default(300),
  /** Payments below this (fen) are left out (first digits of small sums are not Benford's). */
  minAmountFen: z.number().int().min(0).default(1000),
  /** Mean absolute deviation above this is flagged (Nigrini: 0.006 close, 0.012 acceptable, 0.015 marginal; above: nonconformity). */
  madLimit: z.number().min(0).max(1).default(0.015),
  /** How many payments of the digits that stand out the finding lists as sources (the largest first). */
  maxVouchers: z.number().int().min(1).max(1000).default(100),
});
type Settings = z.infer<typeof settings>;

/** Benford's first-digit proportions: log10(1 + 1/d). */
export const BENFORD = Array.from({ length: 9 }, (_, i) => Math.log10(1 + 1 / (i + 1)));

const POWERS = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** The first digit of a positive amount (of fen: the same as of yuan). */
export function firstDigit(fen: number): number {
  let k = 0;
  while (k < 15 && (POWERS[k + 1] as number) <= fen) k++;
  return Math.floor(fen / (POWERS[k] as number));
}

/** Nigrini's conformity ranges for the first digit. */
export function conformityOf(mad: number): BenfordFigures['conformity'] {
  return mad <= 0.006 ? 'close' : mad <= 0.012 ? 'acceptable' : mad <= 0.015 ? 'marginal' : 'nonconformity';
}

/** The test on nine counts: proportions, z-statistics (with the continuity correction), MAD. */
export function benfordFigures(counts: readonly number[]): BenfordFigures {
  const n = counts.reduce((a, b) => a + b, 0);
  let dev = 0;
  const digits = counts.map((count, i) => {
    const expected = BENFORD[i] as number;
    const observed = n ? count / n : 0;
    const diff = Math.abs(observed - expected);
    dev += diff;
    const corr = 1 / (2 * n);
    const z = n ? Math.max(0, diff - (corr < diff ? corr : 0)) / Math.sqrt((expected * (1 - expected)) / n) : 0;
    return { digit: i + 1, count, observed, expected, z, standsOut: z > 1.96 };
  });
  const mad = dev / 9;
  return { payments: n, mad, conformity: conformityOf(mad), digits };
}

const pct = (x: number): string => (x * 100).toFixed(1);

export const benford = defineRule<Settings>({
  id: 'benford',
  needs: [],
  settings,
  defaults: settings.parse({}),
  weight: 1,
  run({ ledger }, s) {
    const p = places(ledger);
    const vs = ledger.vouchers;
    const n = p.villages.length;
    const counts = new Int32Array(n * 9);
    const last = new Int32Array(n);
    /** Per voucher the first digit of what it paid (0: not a payment counted). */
    const digit = new Uint8Array(vs.count);
    for (let v = 0; v < vs.count; v++) {
      const fen = vs.cashOut[v] as number;
      if (fen < s.minAmountFen || fen <= 0) continue;
      const vi = p.village[v] as number;
      const d = firstDigit(fen);
      digit[v] = d;
      counts[vi * 9 + d - 1] = (counts[vi * 9 + d - 1] as number) + 1;
      if ((vs.date[v] as number) > (last[vi] as number)) last[vi] = vs.date[v] as number;
    }
    const gaps: CoverageGap[] = [];
    const findings: RuleFinding[] = [];
    const flagged: { vi: number; fig: BenfordFigures; over: number[] }[] = [];
    for (let vi = 0; vi < n; vi++) {
      const c = Array.from(counts.subarray(vi * 9, vi * 9 + 9));
      const total = c.reduce((a, b) => a + b, 0);
      const village = p.villages[vi] as (typeof p.villages)[number];
      if (total < s.minPayments) {
        gaps.push({ ...village, state: 'not-run', why: bi('rule.benford.small', { count: total, min: s.minPayments }) });
        continue;
      }
      const fig = benfordFigures(c);
      if (fig.mad <= s.madLimit) continue;
      // The digits paid too often: those that stand out above Benford's share, or failing any, the one furthest above.
      let over = fig.digits.filter((d) => d.standsOut && d.observed > d.expected).map((d) => d.digit);
      if (over.length === 0) over = [fig.digits.reduce((m, d) => (d.observed - d.expected > m.observed - m.expected ? d : m)).digit];
      flagged.push({ vi, fig, over });
    }
    // The sources: the payments of those digits, the largest first (one pass for every flagged village).
    const overDigits = new Uint16Array(n);
    const lists = new Map<number, number[]>();
    for (const f of flagged) {
      for (const d of f.over) overDigits[f.vi] = (overDigits[f.vi] as number) | (1 << d);
      lists.set(f.vi, []);
    }
    if (flagged.length) {
      for (let v = 0; v < vs.count; v++) {
        const d = digit[v] as number;
        if (d === 0) continue;
        const vi = p.village[v] as number;
        const mask = overDigits[vi] as number;
        if (mask & (1 << d)) (lists.get(vi) as number[]).push(v);
      }
    }
    for (const { vi, fig, over } of flagged) {
      const village = p.villages[vi] as (typeof p.villages)[number];
      const mine = lists.get(vi) ?? [];
      // The largest `maxVouchers`, in file order: the cut is the smallest amount among them (amounts sorted
      // as numbers), ties at the cut taken in file order.
      const cash = vs.cashOut;
      const amounts = new Float64Array(mine.length);
      for (let k = 0; k < mine.length; k++) amounts[k] = cash[mine[k] as number] as number;
      amounts.sort();
      const max = Math.min(s.maxVouchers, mine.length);
      const cut = amounts[amounts.length - max] as number;
      let ties = max;
      for (const v of mine) if ((cash[v] as number) > cut) ties--;
      const listed: number[] = [];
      for (const v of mine) {
        const a = cash[v] as number;
        if (a > cut || (a === cut && ties-- > 0)) listed.push(v);
      }
      const detail = joinBi(over.map((d) => {
        const x = fig.digits[d - 1] as BenfordFigures['digits'][number];
        return bi('rule.benford.digit', { digit: d, count: x.count, observed: pct(x.observed), expected: pct(x.expected) });
      }), 'fmt.items');
      const reason = bi('rule.benford.reason', {
        village: `${village.township}${village.village}`, count: fig.payments, mad: fig.mad.toFixed(4), limit: s.madLimit, conformity: bi(`rule.benford.conformity.${fig.conformity}`),
        digits: listBi(over.map(String)), detail, listed: listed.length, of: mine.length,
      });
      findings.push({ ...findingOn(ledger, listed, { amountFen: 0, reason, key: `benford|${village.township}|${village.village}`, date: dateText(last[vi] as number), details: fig }), ...village });
    }
    const small = gaps.length;
    const notices = small ? [noticeOf('benford', bi('rule.benford.small-notice', { count: small, min: s.minPayments }))] : [];
    return { findings, notices, gaps };
  },
});
