// Counts and totals over a workspace: its size, and the findings by rule, township, month and village.
import type { Overview } from '../contract';
import { oneRow, type Db } from './db';
import { ledgerSnapshot, type LedgerSnapshot } from './ledger-snapshot';

export interface WorkspaceCounts {
  files: number;
  lines: number;
  /** Active findings (of the last rule run). */
  findings: number;
}

export function workspaceCounts(db: Db): WorkspaceCounts {
  return oneRow(db.prepare<[], WorkspaceCounts>(`SELECT (SELECT COUNT(*) FROM source_files) AS files,
    (SELECT COALESCE(SUM(line_count), 0) FROM line_blocks) AS lines, (SELECT COUNT(*) FROM findings WHERE active = 1) AS findings`).get());
}

interface Group { k: string; count: number; amountFen: number }

/** How many townships and villages the ledger covers. */
function placesOf(ledger: LedgerSnapshot): { townships: number; villages: number } {
  const townships = new Set<number>();
  const villages = new Set<number>();
  const v = ledger.vouchers;
  for (let i = 0; i < v.count; i++) {
    townships.add(v.township[i] as number);
    villages.add((v.township[i] as number) * 0x4000000 + (v.village[i] as number));
  }
  return { townships: townships.size, villages: villages.size };
}

/** Active findings grouped by a column (or expression) of findings, in its order. */
function findingsBy(db: Db, by: 'rule' | 'township' | 'substr(date, 1, 7)'): Group[] {
  return db.prepare<[], Group>(`SELECT ${by} AS k, COUNT(*) AS count, SUM(amount_fen) AS amountFen FROM findings WHERE active = 1 GROUP BY ${by} ORDER BY ${by}`).all();
}

export function overview(db: Db): Overview {
  const { files, lines } = workspaceCounts(db);
  const place = { ...placesOf(ledgerSnapshot(db)), lines, files };
  // SUM over no rows is NULL: no finding reviewed yet.
  const f = oneRow(db.prepare<[], { findings: number; amountFen: number; reviewed: number | null; confirmed: number | null; dismissed: number | null }>(
    `SELECT COUNT(*) AS findings, COALESCE(SUM(amount_fen), 0) AS amountFen, SUM(status <> 'pending') AS reviewed,
       SUM(status = 'confirmed') AS confirmed, SUM(status = 'dismissed') AS dismissed FROM findings WHERE active = 1`).get());
  return {
    ...place,
    findings: f.findings,
    amountFen: f.amountFen,
    reviewed: f.reviewed ?? 0,
    confirmed: f.confirmed ?? 0,
    dismissed: f.dismissed ?? 0,
    byRule: findingsBy(db, 'rule').map((r) => ({ rule: r.k, count: r.count, amountFen: r.amountFen })),
    byTownship: findingsBy(db, 'township').map((r) => ({ township: r.k, count: r.count, amountFen: r.amountFen })),
    byMonth: findingsBy(db, 'substr(date, 1, 7)').map((r) => ({ month: r.k, count: r.count, amountFen: r.amountFen })),
    villagesRanked: db.prepare<[], Overview['villagesRanked'][number]>(`SELECT township, village, COUNT(*) AS count, SUM(amount_fen) AS amountFen FROM findings WHERE active = 1
      GROUP BY township, village ORDER BY amountFen DESC, township, village`).all(),
  };
}
