// The queries whose speed depends on the planner's choice, held to it with EXPLAIN QUERY PLAN:
// recorded as the engine really runs them on the sample district, then explained with the
// values they ran with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditService } from '../../shared/service';
import type { Db } from '../../shared/workspace/db';
import { importDistrict, openTempService } from '../helpers';

interface Ran { sql: string; params: unknown[] }

/** Every statement `work` runs on the workspace, with its parameters. */
async function recorded(db: Db, work: () => Promise<unknown>): Promise<Ran[]> {
  const ran: Ran[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const st = prepare(sql) as unknown as Record<string, (...p: unknown[]) => unknown>;
    for (const m of ['all', 'get', 'iterate', 'run'] as const) {
      const real = st[m] as (...p: unknown[]) => unknown;
      st[m] = (...params: unknown[]) => {
        ran.push({ sql, params });
        return real.apply(st, params);
      };
    }
    return st;
  }) as unknown as Db['prepare'];
  try {
    await work();
  } finally {
    db.prepare = prepare;
  }
  return ran;
}

function plan(db: Db, r: Ran): string {
  return db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.params).map((p) => p.detail).join(' | ');
}

/** The plans of the statements run whose SQL matches; fails when none ran. */
function plansOf(db: Db, ran: Ran[], sql: RegExp): string[] {
  const plans = ran.filter((r) => sql.test(r.sql)).map((r) => plan(db, r));
  expect(plans.length, String(sql)).toBeGreaterThan(0);
  return plans;
}

describe('query plans', () => {
  let service: AuditService;
  let db: Db;
  beforeAll(async () => {
    ({ service } = await openTempService());
    await importDistrict(service);
    db = (service as unknown as { db: Db }).db;
  });
  afterAll(() => service.closeWorkspace());

  it('reads the ledger once for the rules: one pass over the lines, none on a re-run while the sources stay the same', async () => {
    const first = await recorded(db, () => service.runRules());
    // The snapshot's one ordered read of the line blocks (workspace/ledger-snapshot.ts); no rule queries them itself.
    expect(first.filter((r) => /\bline_blocks\b/.test(r.sql) && /\bdata\b/.test(r.sql))).toHaveLength(1);
    const again = await recorded(db, () => service.runRules());
    expect(again.filter((r) => /\b(line|voucher)_blocks\b/.test(r.sql))).toEqual([]);
  });

  it('filters findings by rule and by place through their indexes', async () => {
    const byRule = await recorded(db, () => service.listFindings({ rule: ['unreceipted'] }));
    for (const p of plansOf(db, byRule, /FROM findings WHERE active = 1 AND rule IN/)) expect(p).toContain('USING INDEX findings_rule (active=? AND rule=?)');
    const byPlace = await recorded(db, () => service.listFindings({ township: ['石板冲乡'] }));
    for (const p of plansOf(db, byPlace, /FROM findings WHERE active = 1 AND township IN/)) expect(p).toContain('USING INDEX findings_place (active=? AND township=?)');
  });

  it('reads a lead\'s findings by its index in one query, and its and a finding\'s lines from the ledger in memory', async () => {
    const all = await service.listFindings({ limit: 1000 });
    await service.reviewFindings({ ids: all.rows.map((f) => f.id), decision: 'confirmed', reviewer: '张审计' });
    const building = await recorded(db, () => service.buildCaseLeads({ actor: '张审计' }));
    const leads = await service.listCaseLeads({});
    const biggest = leads.reduce((a, b) => (b.findingIds.length > a.findingIds.length ? b : a));
    expect(biggest.findingIds.length).toBeGreaterThan(1);
    // One read of the findings and one of their lines per lead built, not one per finding or line.
    const perLead = (sql: RegExp) => building.filter((r) => sql.test(r.sql)).length;
    expect(perLead(/FROM findings\s+WHERE id IN \(SELECT value FROM json_each/)).toBe(leads.length);
    // The lines come from the snapshot the rules loaded: no query of the stored blocks at all.
    expect(perLead(/\b(line|voucher)_blocks\b/)).toBe(0);
    for (const p of plansOf(db, building, /FROM findings\s+WHERE id IN \(SELECT value FROM json_each/)) expect(p).toContain('SEARCH findings USING INDEX sqlite_autoindex_findings_1 (id=?)');
    const reading = await recorded(db, () => service.getCaseLead({ number: biggest.number }));
    for (const p of plansOf(db, reading, /FROM lead_findings WHERE lead_id = \?/)) expect(p).toContain('USING INDEX lead_findings_lead (lead_id=?)');
    const detail = await recorded(db, () => service.getFinding({ id: biggest.findingIds[0]! }));
    expect(detail.filter((r) => /\b(line|voucher)_blocks\b/.test(r.sql))).toHaveLength(0);
  });
});
