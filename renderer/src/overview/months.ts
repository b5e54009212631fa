// Months as a time axis: every month from the first to the last, those without findings as zero.
import type { Overview } from '../../../shared/contract';

type Month = Overview['byMonth'][number];

export function everyMonth(months: Month[]): Month[] {
  const known = months.filter((m) => /^\d{4}-\d{2}$/.test(m.month)).sort((a, b) => (a.month < b.month ? -1 : 1));
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return [];
  const byMonth = new Map(known.map((m) => [m.month, m]));
  const out: Month[] = [];
  let y = Number(first.month.slice(0, 4));
  let m = Number(first.month.slice(5, 7));
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(byMonth.get(key) ?? { month: key, count: 0, amountFen: 0 });
    if (key >= last.month) return out;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
}
