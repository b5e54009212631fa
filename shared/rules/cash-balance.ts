// 现金余额异常: the running balance of cash on hand (库存现金) per village's books going below zero
// (money spent that the books never received: 白条抵库, 坐支) or above the limit at a month's end.
import { z } from 'zod';
import { formatFen, parseMoney } from '../format/money';
import { bi, type Bilingual } from '../i18n/messages';
import { dateText } from '../workspace/ledger-encoder';
import { cashAttrs, places } from './ledger-facts';
import { defineRule, type RuleFinding } from './types';
import { findingOn } from './voucher-lines';

const settings = z.object({
  /** Cash on hand above this (fen) at a month's end is flagged (the township's 库存现金限额). */
  limitFen: z.number().int().min(0).default(500000),
  /** Opening balances the books start from (期初余额 rows are not imported): 村=元 or 乡镇/村=元, e.g. 赵湾村=1200.00. */
  openingBalances: z.array(z.string().regex(/^[^=]+=[^=]+$/)).default([]),
  /** How many vouchers a finding lists as sources (those of the days that decide it). */
  maxVouchers: z.number().int().min(1).max(200).default(20),
});
type Settings = z.infer<typeof settings>;

/** 村=元 / 乡镇/村=元 → fen, by "township/village" or "village". */
function openings(entries: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) {
    const [place, amount] = e.split('=').map((x) => x.trim()) as [string, string];
    const m = parseMoney(amount);
    if (m.ok) out.set(place, m.fen);
  }
  return out;
}

interface Day {
  date: number;
  /** Its cash lines: idx[from .. to) of the books' lines in date order. */
  from: number;
  to: number;
  balance: number;
}

export const cashBalance = defineRule<Settings>({
  id: 'cash-balance',
  needs: [],
  settings,
  defaults: settings.parse({}),
  weight: 2,
  run({ ledger }, s) {
    const cash = cashAttrs(ledger);
    const p = places(ledger);
    const l = ledger.lines;
    // Cash lines per books, by a counting sort (their source order within each).
    const count = new Int32Array(p.books.length + 1);
    for (let i = 0; i < l.count; i++) {
      if (!cash[l.attrs[i] as number]) continue;
      const b = (p.book[l.voucher[i] as number] as number) + 1;
      count[b] = (count[b] as number) + 1;
    }
    for (let b = 0; b < p.books.length; b++) count[b + 1] = (count[b + 1] as number) + (count[b] as number);
    const at = count.slice(0, p.books.length);
    const order = new Int32Array(count[p.books.length] as number);
    for (let i = 0; i < l.count; i++) {
      if (!cash[l.attrs[i] as number]) continue;
      const b = p.book[l.voucher[i] as number] as number;
      order[at[b] as number] = i;
      at[b] = (at[b] as number) + 1;
    }
    const open = openings(s.openingBalances);
    const findings: RuleFinding[] = [];

    for (let b = 0; b < p.books.length; b++) {
      const idx = order.subarray(count[b] as number, count[b + 1] as number);
      if (idx.length === 0) continue;
      // Source order is date order in most exports: sort only where it is not, by one number per
      // line (its date, then its place in the book: yyyymmdd × 2^21 + k, exact below 2^53).
      let inOrder = true;
      for (let k = 1; k < idx.length && inOrder; k++) inOrder = (l.date[idx[k] as number] as number) >= (l.date[idx[k - 1] as number] as number);
      if (!inOrder && idx.length >= 2097152) idx.sort((x, y) => (l.date[x] as number) - (l.date[y] as number) || x - y);
      else if (!inOrder) {
        const keys = new Float64Array(idx.length);
        for (let k = 0; k < idx.length; k++) keys[k] = (l.date[idx[k] as number] as number) * 2097152 + k;
        keys.sort();
        const copy = Int32Array.from(idx);
        for (let k = 0; k < idx.length; k++) idx[k] = copy[(keys[k] as number) % 2097152] as number;
      }
      const book = p.books[b] as (typeof p.books)[number];
      const opening = open.get(`${book.township}/${book.village}`) ?? open.get(book.village) ?? 0;
      // The balance at the end of each day with cash movements.
      const days: Day[] = [];
      let balance = opening;
      for (let k = 0; k < idx.length; k++) {
        const i = idx[k] as number;
        const d = l.date[i] as number;
        balance += (l.debit[i] as number) - (l.credit[i] as number);
        const last = days[days.length - 1];
        if (last && last.date === d) {
          last.balance = balance;
          last.to = k + 1;
        } else days.push({ date: d, from: k, to: k + 1, balance });
      }
      /** The vouchers of some days' cash lines, each once, at most maxVouchers. */
      const vouchersOf = (...ds: Day[]): number[] => {
        const out = new Set<number>();
        for (const d of ds) for (let k = d.from; k < d.to && out.size < s.maxVouchers; k++) out.add(l.voucher[idx[k] as number] as number);
        return [...out];
      };
      const place = { township: book.township, village: book.village };
      const label: Bilingual = book.entity ? { zh: `${book.village}${book.entity}`, en: `${book.village} (${book.entity})` } : { zh: book.village, en: book.village };
      const base = `${book.township}|${book.village}|${book.entity ? `${book.entity}|` : ''}`;
      const push = (vouchers: number[], amountFen: number, reason: Bilingual, key: string, date: number): void => {
        findings.push({ ...findingOn(ledger, vouchers, { amountFen, reason, key, date: dateText(date) }), ...place });
      };

      // Below zero: one finding per spell, from the day it went negative to the day it recovered.
      for (let k = 0; k < days.length; k++) {
        if ((days[k] as Day).balance >= 0) continue;
        let low = k;
        let end = k;
        while (end + 1 < days.length && (days[end + 1] as Day).balance < 0) {
          end++;
          if ((days[end] as Day).balance < (days[low] as Day).balance) low = end;
        }
        const start = days[k] as Day;
        const lowest = days[low] as Day;
        const recovered = days[end + 1];
        const reason = bi(recovered ? 'rule.cash-balance.negative' : 'rule.cash-balance.negative-open', {
          books: label, start: dateText(start.date), low: formatFen(-lowest.balance), lowDate: dateText(lowest.date), end: recovered ? dateText(recovered.date) : '', opening: formatFen(opening),
        });
        push(vouchersOf(start, lowest), -lowest.balance, reason, `cash|negative|${base}${start.date}`, start.date);
        k = end;
      }

      // Above the limit at a month's end: one finding per spell of months.
      const monthEnds: Day[] = [];
      for (let k = 0; k < days.length; k++) {
        const d = days[k] as Day;
        const next = days[k + 1];
        if (!next || Math.floor(next.date / 100) !== Math.floor(d.date / 100)) monthEnds.push(d);
      }
      for (let k = 0; k < monthEnds.length; k++) {
        if ((monthEnds[k] as Day).balance <= s.limitFen) continue;
        let top = k;
        let end = k;
        while (end + 1 < monthEnds.length && (monthEnds[end + 1] as Day).balance > s.limitFen) {
          end++;
          if ((monthEnds[end] as Day).balance > (monthEnds[top] as Day).balance) top = end;
        }
        const first = monthEnds[k] as Day;
        const peak = monthEnds[top] as Day;
        const month = (d: number): string => dateText(d).slice(0, 7);
        const reason = bi(k === end ? 'rule.cash-balance.over-one' : 'rule.cash-balance.over', {
          books: label, from: month(first.date), to: month((monthEnds[end] as Day).date), limit: formatFen(s.limitFen), peak: formatFen(peak.balance), peakMonth: month(peak.date),
          excess: formatFen(peak.balance - s.limitFen), opening: formatFen(opening),
        });
        push(vouchersOf(peak), peak.balance - s.limitFen, reason, `cash|over|${base}${Math.floor(first.date / 100)}`, peak.date);
        k = end;
      }
    }
    return { findings, notices: [] };
  },
});
