// What the last rule run could check per village (rule_coverage) and each village's books in sum
// (village_stats), written with the findings; and the findings totalled per village, rule and
// review status, which the risk ranking weighs.
import type { CoverageState, FindingStatus } from '../contract';
import type { Db } from './db';

export interface CoverageRow {
  rule: string;
  township: string;
  village: string;
  state: CoverageState;
  why: string;
  whyEn: string;
}

export interface VillageStatsRow {
  township: string;
  village: string;
  lines: number;
  vouchers: number;
  /** Vouchers that paid money out (cash or bank). */
  payments: number;
  /** What those paid out, fen. */
  spendingFen: number;
  firstDate: string;
  lastDate: string;
}

/** Replaces the last run's coverage and village totals (inside the caller's transaction, if any). */
export function storeCoverage(db: Db, coverage: readonly CoverageRow[], stats: readonly VillageStatsRow[]): void {
  const cov = db.prepare('INSERT INTO rule_coverage (rule, township, village, state, why, why_en) VALUES (?, ?, ?, ?, ?, ?)');
  const st = db.prepare('INSERT INTO village_stats (township, village, lines, vouchers, payments, spending_fen, first_date, last_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.exec('DELETE FROM rule_coverage; DELETE FROM village_stats;');
    for (const c of coverage) cov.run(c.rule, c.township, c.village, c.state, c.why, c.whyEn);
    for (const s of stats) st.run(s.township, s.village, s.lines, s.vouchers, s.payments, s.spendingFen, s.firstDate, s.lastDate);
  })();
}

export function loadCoverage(db: Db): CoverageRow[] {
  return db.prepare<[], CoverageRow>('SELECT rule, township, village, state, why, why_en AS whyEn FROM rule_coverage ORDER BY township, village, rule').all();
}

export function loadVillageStats(db: Db): VillageStatsRow[] {
  return db.prepare<[], VillageStatsRow>(`SELECT township, village, lines, vouchers, payments, spending_fen AS spendingFen, first_date AS firstDate, last_date AS lastDate
    FROM village_stats ORDER BY township, village`).all();
}

export interface FindingTotal {
  township: string;
  village: string;
  rule: string;
  status: FindingStatus;
  count: number;
  amountFen: number;
}

/** Active findings counted and summed per village, rule and review status. */
export function findingTotals(db: Db): FindingTotal[] {
  return db.prepare<[], FindingTotal>(`SELECT township, village, rule, status, COUNT(*) AS count, SUM(amount_fen) AS amountFen FROM findings WHERE active = 1
    GROUP BY township, village, rule, status ORDER BY township, village, rule, status`).all();
}
