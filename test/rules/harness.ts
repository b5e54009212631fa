// Each rule's fixture (fixtures/rules/<id>/) imported through AuditService and the rules run: the
// findings of that rule in the expected files' shape, its notices, and what the ranking says it
// could not check per village. Columns can be dropped and files left out, to see a rule say what
// it could not check instead of guessing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRule, LEDGER_FILE, PLANS, RULES_FIXTURES_DIR } from '../../fixtures/rules/generate';
import type { ExpectedFinding, FixtureExpected } from '../../fixtures/rules/model';
import type { Finding, RuleGap, RuleNotice } from '../../shared/contract';
import type { AuditService } from '../../shared/service';
import { openTempService, tempDir } from '../helpers';

export type Shaped = Omit<ExpectedFinding, 'tag'>;

export function fixtureOf(rule: string): FixtureExpected {
  return JSON.parse(readFileSync(join(RULES_FIXTURES_DIR, rule, 'expected.json'), 'utf8')) as FixtureExpected;
}

export function shape(f: Finding): Shaped {
  return { rule: f.rule, township: f.township, village: f.village, date: f.date, vouchers: f.vouchers, project: f.project, amount: f.amount, sources: f.sources.map((s) => ({ file: s.file, line: s.line })) };
}

const key = (f: Shaped): string => `${f.date} ${f.township}${f.village} ${f.vouchers.join(',')} ${f.amount}`;
export const sorted = (fs: Shaped[]): Shaped[] => [...fs].sort((a, b) => key(a).localeCompare(key(b)));
export const untagged = (fs: ExpectedFinding[]): Shaped[] => fs.map(({ tag: _tag, ...f }) => f);

export interface FixtureRun {
  /** This rule's findings. */
  findings: Finding[];
  shaped: Shaped[];
  notices: RuleNotice[];
  /** Per village, what the ranking says this rule could not check there. */
  gaps: Map<string, RuleGap>;
  service: AuditService;
}

const open: AuditService[] = [];
afterAll(async () => {
  for (const s of open.splice(0)) await s.closeWorkspace();
});

/** Rewrites a CSV without some columns (by header). */
function withoutColumns(text: string, drop: readonly string[]): string {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const header = rows[0] ?? [];
  const keep = header.map((h, i) => (drop.includes(h) ? -1 : i)).filter((i) => i >= 0);
  return Papa.unparse(rows.map((r) => keep.map((i) => r[i] ?? '')), { newline: '\n' }) + '\n';
}

export async function runFixture(rule: string, o: { settings?: Record<string, Record<string, unknown>>; drop?: string[]; without?: ('projects' | 'cadres')[] } = {}): Promise<FixtureRun> {
  const fx = fixtureOf(rule);
  const { service } = await openTempService();
  open.push(service);
  for (const [id, settings] of Object.entries(o.settings ?? {})) await service.saveRuleSettings({ rule: id, settings });
  const dir = tempDir('va-rule-');
  const src = (name: string): string => join(RULES_FIXTURES_DIR, rule, name);
  const ledger = join(dir, LEDGER_FILE);
  writeFileSync(ledger, o.drop?.length ? withoutColumns(readFileSync(src(LEDGER_FILE), 'utf8'), o.drop) : readFileSync(src(LEDGER_FILE)));
  const files = [{ path: ledger, kind: 'ledger' as const }];
  if (fx.files.projects && !o.without?.includes('projects')) files.push({ path: src(fx.files.projects), kind: 'projects' as never });
  const cadres = fx.files.cadres && !o.without?.includes('cadres') ? [src(fx.files.cadres)] : [];
  const r = await service.importBatch(files, cadres);
  if (!r.ok) throw new Error(JSON.stringify(r.results.at(-1) ?? r.cadres?.at(-1), null, 2));
  const run = await service.runRules();
  const findings = (await service.listFindings({ rule: [rule], limit: 10_000 })).rows;
  const gaps = new Map<string, RuleGap>();
  for (const v of (await service.riskRanking()).villages) {
    const g = v.gaps.find((x) => x.rule === rule);
    if (g) gaps.set(v.village as string, g);
  }
  return { findings, shaped: findings.map(shape), notices: run.notices.filter((n) => n.rule === rule), gaps, service };
}

/** The tests every rule's fixture gets: exactly the planted findings (vouchers, amounts, source lines), no look-alike, each variant's settings. */
export function fixtureSuite(rule: string): void {
  const fx = fixtureOf(rule);
  describe(`${rule}: its fixture`, () => {
    it('is reproduced by fixtures/rules/generate.ts', () => {
      const plan = PLANS.find((p) => p.rule === rule);
      expect(plan, 'a plan in fixtures/rules/generate.ts').toBeDefined();
      const dir = tempDir('va-rulefx-');
      generateRule(plan as (typeof PLANS)[number], dir);
      for (const f of ['expected.json', LEDGER_FILE, fx.files.projects, fx.files.cadres]) {
        if (f) expect(readFileSync(join(dir, rule, f)).equals(readFileSync(join(RULES_FIXTURES_DIR, rule, f))), f).toBe(true);
      }
    });

    it('finds exactly the planted positives, with amounts, vouchers and source lines, and no look-alike', async () => {
      const r = await runFixture(rule);
      expect(sorted(r.shaped)).toEqual(sorted(untagged(fx.findings)));
      for (const l of fx.lookAlikes) {
        const hit = r.findings.find((f) => f.village === l.village && f.vouchers.includes(l.voucher) && fx.findings.every((e) => !(e.village === l.village && e.vouchers.includes(l.voucher))));
        expect(hit, `${l.voucher} (${l.why})`).toBeUndefined();
      }
      for (const f of r.findings) {
        expect(f.reason.length).toBeGreaterThan(10);
        expect(f.reasonEn.length).toBeGreaterThan(10);
        expect(f.sources.length).toBeGreaterThan(0);
      }
    });

    for (const v of fx.variants) {
      it(`follows its settings: ${v.name}`, async () => {
        const r = await runFixture(rule, { settings: v.settings });
        expect(sorted(r.shaped)).toEqual(sorted(untagged(v.findings)));
      });
    }
  });
}

/** The expected finding planted under a tag. */
export function planted(rule: string, tag: string): ExpectedFinding {
  const f = fixtureOf(rule).findings.find((e) => e.tag === tag);
  if (!f) throw new Error(`${rule}: no planted ${tag}`);
  return f;
}

/** The finding of a run that is the planted one (same vouchers and place). */
export function found(r: FixtureRun, p: ExpectedFinding): Finding {
  const f = r.findings.find((x) => x.village === p.village && x.date === p.date && x.vouchers.join() === p.vouchers.join());
  if (!f) throw new Error(`not found: ${p.tag}`);
  return f;
}
