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

/** Per voucher its parsed number (-1: none) and word (an index into `words`), parsed once per distinct number text. */
function numbers(ledger: LedgerSnapshot): { num: Int32Array; word: Int32Array; words: string[] } {
  const vs = ledger.vouchers;
  const numOfText = new Int32Array(ledger.texts.length).fill(-2);
  const wordOfText = new Int32Array(ledger.texts.length);
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const num = new Int32Array(vs.count);
  const word = new Int32Array(vs.count);
  for (let v = 0; v < vs.count; v++) {
    const t = vs.number[v] as number;
    if (numOfText[t] === -2) {
      const r = parseVoucherNumber(ledger.texts[t] ?? '');
      numOfText[t] = r ? r.n : -1;
      if (r) {
        let w = wordIndex.get(r.word);
        if (w === undefined) {
          w = words.length;
          words.push(r.word);
          wordIndex.set(r.word, w);
        }
        wordOfText[t] = w;
      }
    }
    num[v] = numOfText[t] as number;
    word[v] = wordOfText[t] as number;
  }
  return { num, word, words };
}

/** A dense id per key, remembering the last key asked (neighbouring vouchers mostly share it). */
function denseIds(): { id: (key: number) => number; size: () => number } {
  const ids = new Map<number, number>();
  let lastKey = -1;
  let lastId = -1;
  return {
    id(key) {
      if (key === lastKey) return lastId;
      let i = ids.get(key);
      if (i === undefined) ids.set(key, (i = ids.size));
      lastKey = key;
      lastId = i;
      return i;
    },
    size: () => ids.size,
  };
}

interface Series {
  /** Voucher indices, sorted by number, date, index. */
  vouchers: Int32Array;
  year: number;
  word: string;
  /** 0: numbered through the year. */
  month: number;
}

/**
 * The series: (books, year, word), split by month where most numbers recur in other months
 * (numbering restarts monthly); each a run of an array of voucher indices sorted by number.
 */
function seriesOf(ledger: LedgerSnapshot, num: Int32Array, word: Int32Array, words: string[]): Series[] {
  const vs = ledger.vouchers;
  const book = places(ledger).book;
  // (books, year, word) as one number: small (a V8 small integer, hashed fast) for up to 32,768
  // books, years 1950–2077 and 256 words, exact beyond.
  const yearKey = (v: number): number => {
    const b = book[v] as number;
    const y = (vs.year[v] as number) - 1950;
    const w = word[v] as number;
    return b < 32768 && y >= 0 && y < 128 && w < 256 ? (b * 128 + y) * 256 + w : 2 ** 31 + ((b * 4096 + (y & 4095)) * 65536 + w);
  };
  // Per (books, year, word): how many of its vouchers carry a number used in other months too.
  const base = denseIds();
  const baseOf = new Int32Array(vs.count).fill(-1);
  let count: Int32Array = new Int32Array(64);
  let monthly: Int32Array = new Int32Array(64);
  for (let v = 0; v < vs.count; v++) {
    if ((num[v] as number) < 0) continue;
    const b = base.id(yearKey(v));
    if (b >= count.length) {
      const grow = (a: Int32Array): Int32Array => { const c = new Int32Array(a.length * 2); c.set(a); return c; };
      count = grow(count);
      monthly = grow(monthly);
    }
    baseOf[v] = b;
    count[b] = (count[b] as number) + 1;
    monthly[b] = (monthly[b] as number) + (vs.monthly[v] as number);
  }
  // The series of each voucher, then the vouchers grouped by series (a counting sort, index order kept).
  const series = denseIds();
  const seriesOfV = new Int32Array(vs.count).fill(-1);
  const info: { year: number; word: string; month: number }[] = [];
  for (let v = 0; v < vs.count; v++) {
    const b = baseOf[v] as number;
    if (b < 0) continue;
    const month = (monthly[b] as number) * 2 > (count[b] as number) ? (vs.month[v] as number) : 0;
    const sid = series.id(b * 16 + month);
    if (sid === info.length) info.push({ year: vs.year[v] as number, word: words[word[v] as number] ?? '', month });
    seriesOfV[v] = sid;
  }
  const ns = info.length;
  const start = new Int32Array(ns + 1);
  for (let v = 0; v < vs.count; v++) if ((seriesOfV[v] as number) >= 0) start[(seriesOfV[v] as number) + 1] = (start[(seriesOfV[v] as number) + 1] as number) + 1;
  for (let i = 0; i < ns; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const at = start.slice(0, ns);
  const order = new Int32Array(start[ns] as number);
  for (let v = 0; v < vs.count; v++) {
    const sid = seriesOfV[v] as number;
    if (sid < 0) continue;
    order[at[sid] as number] = v;
    at[sid] = (at[sid] as number) + 1;
  }
  const byNumber = (a: number, b: number): number => (num[a] as number) - (num[b] as number) || (vs.date[a] as number) - (vs.date[b] as number) || a - b;
  return info.map((x, i) => {
    const list = order.subarray(start[i] as number, start[i + 1] as number);
    // Numbered in file order in most books: sort only where not.
    let sorted = true;
    for (let k = 1; k < list.length && sorted; k++) sorted = byNumber(list[k - 1] as number, list[k] as number) < 0;
    if (!sorted) list.sort(byNumber);
    return { ...x, vouchers: list };
  });
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

/** 23、41–42、57: the first `limit` runs of missing numbers (from, to), and 等 when there are more. */
function runsText(runs: [number, number][], more: boolean): Bilingual {
  const list = listBi(runs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)));
  return more ? bi('rule.list-more', { list }) : list;
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
    const { num, word, words } = numbers(ledger);
    const numberText = (v: number): string => ledger.texts[vs.number[v] as number] ?? '';
    const findings: RuleFinding[] = [];
    for (const se of seriesOf(ledger, num, word, words)) {
      const list = se.vouchers;
      // One pass in number order: repeats (a number twice, or one voucher on two dates), runs of
      // missing numbers, vouchers dated before the number before them. Counts are complete, lists capped.
      let firstMonth = 12;
      for (let k = 0; k < list.length; k++) firstMonth = Math.min(firstMonth, vs.month[list[k] as number] as number);
      const from = se.month || firstMonth === 1 ? 1 : (num[list[0] as number] as number);
      const repeats: number[][] = [];
      let repeatCount = 0;
      const named: [number, number][] = [];
      const around: number[] = [];
      let missing = 0;
      const misdated: [number, number][] = [];
      let misdatedCount = 0;
      let expect = from;
      let prevFirst = -1;
      let lastSingle = -1;
      for (let k = 0; k < list.length;) {
        const v = list[k] as number;
        const n = num[v] as number;
        let j = k + 1;
        while (j < list.length && num[list[j] as number] === n) j++;
        const group = j - k;
        if (n > expect) {
          missing += n - expect;
          if (named.length < s.listLimit) {
            named.push([expect, n - 1]);
            if (prevFirst >= 0) around.push(prevFirst);
            around.push(v);
          }
        }
        if (group > 1 || lastDate[v] !== vs.date[v]) {
          repeatCount++;
          if (repeats.length < s.listLimit) repeats.push(Array.from(list.subarray(k, j)));
        } else {
          if (lastSingle >= 0 && (vs.date[v] as number) < (vs.date[lastSingle] as number)) {
            misdatedCount++;
            if (misdated.length < s.listLimit) misdated.push([v, lastSingle]);
          }
          lastSingle = v;
        }
        expect = Math.max(expect, n + 1);
        prevFirst = v;
        k = j;
      }
      if (!repeatCount && !missing && !misdatedCount) continue;

      const first = voucherKeyAt(ledger, list[0] as number);
      const base = `${first.township}|${first.village}|${first.entity ? `${first.entity}|` : ''}${se.year}|${se.word}${se.month ? `|${se.month}` : ''}`;
      const label0 = se.month
        ? bi(se.word ? 'rule.voucher-gap.series-month' : 'rule.voucher-gap.series-month-plain', { year: se.year, month: se.month, word: se.word })
        : bi(se.word ? 'rule.voucher-gap.series' : 'rule.voucher-gap.series-plain', { year: se.year, word: se.word });
      const series = first.entity ? bi('rule.voucher.entity', { entity: first.entity, voucher: label0 }) : label0;

      if (repeatCount) {
        const items = repeats.map((g) => {
          const dates = [...new Set(g.flatMap((v) => [vs.date[v] as number, lastDate[v] as number]))].sort().map(dateText);
          return bi('rule.voucher-gap.repeat-item', { voucher: numberText(g[0] as number), dates: listBi(dates) });
        });
        const reason = bi('rule.voucher-gap.repeated', { series, items: joinBi(items, 'fmt.items'), count: repeatCount });
        const latest = Math.max(...(repeats[0] as number[]).map((v) => lastDate[v] as number));
        findings.push(findingOn(ledger, repeats.flat(), { amountFen: 0, reason, key: `gap|repeat|${base}`, date: dateText(latest) }));
      }
      if (missing) {
        const listed = named.reduce((c, [a, b]) => c + b - a + 1, 0);
        const reason = bi('rule.voucher-gap.missing', { series, numbers: runsText(named, missing > listed), count: missing });
        findings.push(findingOn(ledger, [...new Set(around)], { amountFen: 0, reason, key: `gap|missing|${base}` }));
      }
      if (misdatedCount) {
        const items = misdated.map(([v, p]) => bi('rule.voucher-gap.order-item', {
          voucher: numberText(v), date: dateText(vs.date[v] as number), prev: numberText(p), prevDate: dateText(vs.date[p] as number),
        }));
        const reason = bi('rule.voucher-gap.order', { series, items: joinBi(items, 'fmt.items'), count: misdatedCount });
        const pairs = [...new Set(misdated.flatMap(([v, p]) => [p, v]))];
        findings.push(findingOn(ledger, pairs, { amountFen: 0, reason, key: `gap|order|${base}`, date: dateText(vs.date[(misdated[0] as [number, number])[0]] as number) }));
      }
    }
    return { findings, notices: [] };
  },
});
