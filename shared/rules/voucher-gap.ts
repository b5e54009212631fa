// 凭证断号/重号: per village (books), year and voucher word — and month where the numbering restarts
// monthly — numbers missing, numbers used for two different vouchers, numbers out of date order.
import { z } from 'zod';
import { bi, joinBi, listBi, type Bilingual } from '../i18n/messages';
import type { LedgerSnapshot } from '../workspace/ledger-snapshot';
import { dateText } from '../workspace/ledger-encoder';
import { places } from './ledger-facts';
import { defineRule, type RuleFinding } from './types';
import { findingOn, voucherKeyAt } from './voucher-lines';

const settings = z.object({
  /** How many missing numbers, repeats or misdated vouchers a finding lists by name (the count is always complete). */
  listLimit: z.number().int().min(1).max(500).default(20),
});
type Settings = z.infer<typeof settings>;

/** The marks packages write around a voucher's word and number (记-15, 记字第15号). */
const MARKS = /[\s\-－—_.#:：字第号號]/g;

/** 记-015 → 记, 15; 记字第15号 → 记, 15; 15 → '', 15. Null when the text has no number. */
export function parseVoucherNumber(text: string): { word: string; n: number } | null {
  const m = /^(.*?)(\d+)\D*$/.exec(text.trim());
  if (!m) return null;
  return { word: (m[1] ?? '').replace(MARKS, ''), n: Number(m[2]) };
}

interface Series {
  vouchers: number[];
  year: number;
  word: string;
  /** 0: numbered through the year. */
  month: number;
}

/** The vouchers of each series: (books, year, word), split by month where most numbers recur in other months (numbering restarts monthly). */
function seriesOf(ledger: LedgerSnapshot): { series: Series[]; num: Int32Array } {
  const vs = ledger.vouchers;
  const book = places(ledger).book;
  const parsed = new Map<number, { word: number; n: number } | null>();
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const num = new Int32Array(vs.count).fill(-1);
  const word = new Int32Array(vs.count);
  const byYear = new Map<number, { count: number; monthly: number }>();
  const yearKey = (v: number): number => ((book[v] as number) * 4096 + ((vs.year[v] as number) & 4095)) * 65536 + (word[v] as number);
  for (let v = 0; v < vs.count; v++) {
    const t = vs.number[v] as number;
    let p = parsed.get(t);
    if (p === undefined) {
      const r = parseVoucherNumber(ledger.texts[t] ?? '');
      let w = -1;
      if (r) {
        w = wordIndex.get(r.word) ?? -1;
        if (w < 0) {
          w = words.length;
          words.push(r.word);
          wordIndex.set(r.word, w);
        }
      }
      p = r ? { word: w, n: r.n } : null;
      parsed.set(t, p);
    }
    if (!p) continue;
    num[v] = p.n;
    word[v] = p.word;
    const k = yearKey(v);
    const e = byYear.get(k) ?? { count: 0, monthly: 0 };
    e.count++;
    e.monthly += vs.monthly[v] as number;
    byYear.set(k, e);
  }
  const series = new Map<number, Series>();
  for (let v = 0; v < vs.count; v++) {
    if ((num[v] as number) < 0) continue;
    const k = yearKey(v);
    const e = byYear.get(k) as { count: number; monthly: number };
    const month = e.monthly * 2 > e.count ? (vs.month[v] as number) : 0;
    const sk = k * 16 + month;
    let s = series.get(sk);
    if (!s) series.set(sk, (s = { vouchers: [], year: vs.year[v] as number, word: words[word[v] as number] ?? '', month }));
    s.vouchers.push(v);
  }
  for (const s of series.values()) s.vouchers.sort((a, b) => (num[a] as number) - (num[b] as number) || (vs.date[a] as number) - (vs.date[b] as number) || a - b);
  return { series: [...series.values()], num };
}

/** Per voucher, the latest date of its lines (a voucher's lines share one date; two under one number do not). */
function lastDates(ledger: LedgerSnapshot): Int32Array {
  const out = new Int32Array(ledger.vouchers.count);
  const l = ledger.lines;
  for (let i = 0; i < l.count; i++) {
    const v = l.voucher[i] as number;
    if ((l.date[i] as number) > (out[v] as number)) out[v] = l.date[i] as number;
  }
  return out;
}

/** 23、41–42、57 (runs of numbers), the first `limit` of them. */
function runs(numbers: number[], limit: number): { text: Bilingual; count: number } {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && (numbers[j + 1] as number) === (numbers[j] as number) + 1) j++;
    parts.push(i === j ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return { text: capped(parts, limit), count: numbers.length };
}

function capped(items: string[], limit: number): Bilingual {
  const list = listBi(items.slice(0, limit));
  return items.length > limit ? bi('rule.voucher-gap.more', { list }) : list;
}

export const voucherGap = defineRule<Settings>({
  id: 'voucher-gap',
  needs: [],
  settings,
  defaults: settings.parse({}),
  weight: 1,
  run({ ledger }, s) {
    const vs = ledger.vouchers;
    const lastDate = lastDates(ledger);
    const numberText = (v: number): string => ledger.texts[vs.number[v] as number] ?? '';
    const findings: RuleFinding[] = [];
    const { series: all, num } = seriesOf(ledger);
    for (const se of all) {
      const { vouchers } = se;
      const first = voucherKeyAt(ledger, vouchers[0] as number);
      const base = `${first.township}|${first.village}|${first.entity ? `${first.entity}|` : ''}${se.year}|${se.word}${se.month ? `|${se.month}` : ''}`;
      const label0 = se.month
        ? bi(se.word ? 'rule.voucher-gap.series-month' : 'rule.voucher-gap.series-month-plain', { year: se.year, month: se.month, word: se.word })
        : bi(se.word ? 'rule.voucher-gap.series' : 'rule.voucher-gap.series-plain', { year: se.year, word: se.word });
      const series = first.entity ? bi('rule.voucher.entity', { entity: first.entity, voucher: label0 }) : label0;

      // Numbers used more than once, and vouchers whose lines carry two dates (two vouchers under one number).
      const byNumber = new Map<number, number[]>();
      for (const v of vouchers) byNumber.set(num[v] as number, [...(byNumber.get(num[v] as number) ?? []), v]);
      const repeated = [...byNumber.entries()].filter(([, list]) => list.length > 1 || list.some((v) => lastDate[v] !== vs.date[v]));
      if (repeated.length) {
        const items = repeated.map(([, list]) => {
          const dates = [...new Set(list.flatMap((v) => [vs.date[v] as number, lastDate[v] as number]))].sort().map(dateText);
          return bi('rule.voucher-gap.repeat-item', { voucher: numberText(list[0] as number), dates: listBi(dates) });
        });
        const vsOf = repeated.slice(0, s.listLimit).flatMap(([, list]) => list);
        const later = repeated[0]?.[1] ?? [];
        const reason = bi('rule.voucher-gap.repeated', { series, items: joinBi(items.slice(0, s.listLimit), 'fmt.items'), count: repeated.length });
        findings.push(findingOn(ledger, vsOf, { amountFen: 0, reason, key: `gap|repeat|${base}`, date: dateText(Math.max(...later.map((v) => lastDate[v] as number))) }));
      }

      // Missing numbers: from 1 when the series starts at the beginning of its period (January, or its month), else from its first number.
      const distinct = [...byNumber.keys()];
      let firstMonth = 12;
      for (const v of vouchers) firstMonth = Math.min(firstMonth, vs.month[v] as number);
      const from = se.month || firstMonth === 1 ? 1 : (distinct[0] as number);
      const missing: number[] = [];
      const around: number[] = [];
      let prev: number | null = null;
      let expect = from;
      for (const n of distinct) {
        if (n > expect) {
          for (let k = expect; k < n; k++) missing.push(k);
          if (around.length < 2 * s.listLimit) {
            if (prev !== null) around.push(byNumber.get(prev)?.[0] as number);
            around.push(byNumber.get(n)?.[0] as number);
          }
        }
        prev = n;
        expect = Math.max(expect, n + 1);
      }
      if (missing.length) {
        const r = runs(missing, s.listLimit);
        const reason = bi('rule.voucher-gap.missing', { series, numbers: r.text, count: r.count });
        const neighbours = [...new Set(around)];
        findings.push(findingOn(ledger, neighbours, { amountFen: 0, reason, key: `gap|missing|${base}` }));
      }

      // Out of date order: a number dated before the number before it (repeated numbers are left to the repeat finding).
      const misdated: [number, number][] = [];
      let last: number | null = null;
      for (const n of distinct) {
        const list = byNumber.get(n) as number[];
        if (list.length > 1) continue;
        const v = list[0] as number;
        if (last !== null && (vs.date[v] as number) < (vs.date[last] as number)) misdated.push([v, last]);
        last = v;
      }
      if (misdated.length) {
        const items = misdated.slice(0, s.listLimit).map(([v, p]) => bi('rule.voucher-gap.order-item', {
          voucher: numberText(v), date: dateText(vs.date[v] as number), prev: numberText(p), prevDate: dateText(vs.date[p] as number),
        }));
        const reason = bi('rule.voucher-gap.order', { series, items: joinBi(items, 'fmt.items'), count: misdated.length });
        const list = [...new Set(misdated.slice(0, s.listLimit).flatMap(([v, p]) => [p, v]))];
        findings.push(findingOn(ledger, list, { amountFen: 0, reason, key: `gap|order|${base}`, date: dateText(vs.date[(misdated[0] as [number, number])[0]] as number) }));
      }
    }
    return { findings, notices: [] };
  },
});
