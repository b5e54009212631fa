// The district roll-up: a workspace holding several groups' packages, per group, township and
// village — findings, confirmed and their money, leads and those handed over, money at issue in
// the leads and recovered in rectification — with subtotals and the district's totals; as .xlsx.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Rollup, RollupRow } from '../contract';
import { sumFen } from '../format/money';
import { zh, type MessageKey } from '../i18n/messages';
import { rollupGroupLabel, rollupPlaceLabel } from '../i18n/rollup-labels';
import { hasTable, type Db } from '../workspace/db';
import { MONEY_FORMAT, safeText } from './handoff-sheet';
import { packageScope, placeKey } from './package-export';

const empty = (group: string, township: string, village: string): RollupRow => ({
  group, township, village, villages: 0, ledgerLines: 0, findings: 0, confirmed: 0, confirmedFen: 0, leads: 0, handedOver: 0, atIssueFen: 0, recoveredFen: 0, rectifications: 0, closed: 0, openConflicts: 0,
});

const COUNTS = ['villages', 'ledgerLines', 'findings', 'confirmed', 'leads', 'handedOver', 'rectifications', 'closed', 'openConflicts'] as const;
const MONEY = ['confirmedFen', 'atIssueFen', 'recoveredFen'] as const;

function total(rows: RollupRow[], group: string, township: string): RollupRow {
  const t = empty(group, township, '');
  for (const k of COUNTS) t[k] = rows.reduce((n, r) => n + r[k], 0);
  for (const k of MONEY) t[k] = sumFen(rows.map((r) => r[k]));
  return t;
}

export function rollup(db: Db): Rollup {
  const villages = new Map(packageScope(db).map((v) => [placeKey(v.township, v.village), { ...empty(v.group, v.township, v.village), villages: 1 }]));
  const at = (township: string, village: string): RollupRow | undefined => villages.get(placeKey(township, village));
  // What the last rule run saw of each village's books (migration 006).
  for (const s of db.prepare<[], { township: string; village: string; lines: number }>('SELECT township, village, lines FROM village_stats').all()) {
    const r = at(s.township, s.village);
    if (r) r.ledgerLines = s.lines;
  }
  for (const f of db.prepare<[], { township: string; village: string; n: number; c: number; fen: number }>(`SELECT township, village, COUNT(*) AS n, SUM(status = 'confirmed') AS c,
      SUM(CASE WHEN status = 'confirmed' THEN amount_fen ELSE 0 END) AS fen FROM findings WHERE active = 1 GROUP BY township, village`).all()) {
    const r = at(f.township, f.village);
    if (r) Object.assign(r, { findings: f.n, confirmed: f.c, confirmedFen: f.fen });
  }
  for (const l of db.prepare<[], { township: string; village: string; n: number; handed: number; fen: number }>(`SELECT township, village, COUNT(*) AS n,
      SUM(EXISTS (SELECT 1 FROM lead_versions v WHERE v.lead_id = leads.id AND v.handoff_id IS NOT NULL)) AS handed, SUM(amount_fen) AS fen
      FROM leads WHERE status = 'open' GROUP BY township, village`).all()) {
    const r = at(l.township, l.village);
    if (r) Object.assign(r, { leads: l.n, handedOver: l.handed, atIssueFen: l.fen });
  }
  for (const x of db.prepare<[], { township: string; village: string; n: number; closed: number; fen: number }>(`SELECT township, village, COUNT(*) AS n, SUM(closed) AS closed,
      SUM(recovered_fen) AS fen FROM rectifications GROUP BY township, village`).all()) {
    const r = at(x.township, x.village);
    if (r) Object.assign(r, { rectifications: x.n, closed: x.closed, recoveredFen: x.fen });
  }
  if (hasTable(db, 'conflicts')) {
    for (const c of db.prepare<[], { township: string; village: string; n: number }>(`SELECT COALESCE(f.township, l.township, x.township) AS township, COALESCE(f.village, l.village, x.village) AS village, COUNT(*) AS n
        FROM conflicts c LEFT JOIN findings f ON c.kind IN ('review', 'lead-finding') AND f.id = c.ref LEFT JOIN leads l ON c.kind = 'lead' AND l.number = c.ref
        LEFT JOIN rectifications x ON c.kind = 'rectification' AND x.id = CAST(c.ref AS INTEGER) WHERE c.resolved_at IS NULL GROUP BY 1, 2`).all()) {
      const r = at(c.township, c.village);
      if (r) r.openConflicts = c.n;
    }
  }
  const all = [...villages.values()];
  const groups = [...new Set(all.map((r) => r.group))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const rows: RollupRow[] = [];
  for (const g of groups) {
    const of = all.filter((r) => r.group === g);
    const townships = [...new Set(of.map((r) => r.township))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    for (const t of townships) {
      const vs = of.filter((r) => r.township === t).sort((a, b) => a.village.localeCompare(b.village, 'zh-CN'));
      rows.push(...vs, total(vs, g, t));
    }
    rows.push(total(of, g, ''));
  }
  return { rows, totals: total(all, '', ''), groups };
}

const COLUMNS: [MessageKey, number][] = [['rollup.col.group', 26], ['doc.township', 12], ['doc.village', 12], ['rollup.col.lines', 10], ['rollup.col.findings', 8], ['rollup.col.confirmed', 8],
  ['rollup.col.confirmed-yuan', 16], ['rollup.col.leads', 8], ['rollup.col.handed-over', 10], ['doc.amount-yuan', 16], ['rect.col.recovered-yuan', 16],
  ['rollup.col.items', 10], ['rollup.col.closed', 8]];

export async function rollupXlsx(r: Rollup): Promise<Buffer> {
  // exceljs is loaded when a workbook is first written, not when the engine starts.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(zh('rollup.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map(([header, width], i) => ({ header: zh(header), key: `c${i}`, width }));
  const add = (x: RollupRow): void => {
    const row = ws.addRow([rollupGroupLabel(x, 'zh'), x.township, rollupPlaceLabel(x, 'zh'), x.ledgerLines, x.findings, x.confirmed, x.confirmedFen / 100, x.leads, x.handedOver, x.atIssueFen / 100,
      x.recoveredFen / 100, x.rectifications, x.closed].map((v) => (typeof v === 'string' ? safeText(v) : v)));
    if (!x.village) row.font = { bold: true };
  };
  for (const x of r.rows) add(x);
  add(r.totals);
  for (const c of [7, 10, 11]) ws.getColumn(c).numFmt = MONEY_FORMAT;
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeRollupXlsx(r: Rollup, path: string): Promise<{ path: string; sha256: string; rows: number }> {
  const bytes = await rollupXlsx(r);
  writeFileSync(path, bytes);
  return { path, sha256: createHash('sha256').update(bytes).digest('hex'), rows: r.rows.length + 1 };
}
