// Every registered rule is a unit: its file, its page (written from its catalogue texts, up to
// date), its fixture (a plan, the files, the expected findings) and its own test; its texts and
// every setting's meaning are in the catalogue. And every rule can be switched off.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR, INDEX, indexWith, rulePage } from '../../fixtures/rules/docs';
import { PLANS, RULES_FIXTURES_DIR } from '../../fixtures/rules/generate';
import { messages } from '../../shared/i18n/messages';
import { RULES } from '../../shared/rules';
import { runFixture } from './harness';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the rule registry', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s has its file, page, fixture and test', (id, rule) => {
    expect(existsSync(join(ROOT, 'shared', 'rules', `${id}.ts`)), 'shared/rules/<id>.ts').toBe(true);
    expect(existsSync(join(DOCS_DIR, `${id}.md`)), 'docs/rules/<id>.md').toBe(true);
    for (const f of ['plan.ts', 'expected.json', 'ledger.csv']) expect(existsSync(join(RULES_FIXTURES_DIR, id, f)), `fixtures/rules/<id>/${f}`).toBe(true);
    expect(PLANS.map((p) => p.rule)).toContain(id);
    expect(existsSync(join(ROOT, 'test', 'rules', `${id}.test.ts`)), 'test/rules/<id>.test.ts').toBe(true);
    const expected = JSON.parse(readFileSync(join(RULES_FIXTURES_DIR, id, 'expected.json'), 'utf8')) as { findings: unknown[]; lookAlikes: unknown[] };
    expect(expected.findings.length, 'planted positives').toBeGreaterThan(0);
    expect(expected.lookAlikes.length, 'look-alikes').toBeGreaterThan(0);
    for (const part of ['title', 'policy', 'detects', 'why', 'blind']) expect(`rule.${id}.${part}` in messages, part).toBe(true);
    for (const key of Object.keys(rule.defaults)) {
      expect(`rule.${id}.setting.${key}` in messages || `ui.settings.key.${key}` in messages, `the meaning of ${key}`).toBe(true);
    }
    expect(Object.keys(rule.defaults).slice(0, 2)).toEqual(['enabled', 'weight']);
    // Word lists are shown as tags, keyed by the word: each once.
    for (const [key, v] of Object.entries(rule.defaults)) if (Array.isArray(v)) expect(new Set(v).size, key).toBe(v.length);
  });

  it('has every page up to date with the catalogue, and the index linking each', async () => {
    for (const rule of RULES) expect(readFileSync(join(DOCS_DIR, `${rule.id}.md`), 'utf8'), `docs/rules/${rule.id}.md: run npm run docs:rules`).toBe(await rulePage(rule));
    const index = readFileSync(INDEX, 'utf8');
    expect(index, 'docs/rules.md: run npm run docs:rules').toBe(indexWith(index));
    for (const rule of RULES) expect(index).toContain(`(rules/${rule.id}.md)`);
  });

  it('lets every rule be switched off: no findings, a notice, and the ranking says off', async () => {
    const off = Object.fromEntries(RULES.map((r) => [r.id, { enabled: false }]));
    const r = await runFixture('cash-balance', { settings: off });
    expect((await r.service.listFindings({})).total).toBe(0);
    const run = await r.service.runRules();
    expect(run.notices.map((n) => n.rule)).toEqual(RULES.map((x) => x.id));
    expect(run.rules.every((x) => !x.enabled && x.count === 0)).toBe(true);
    const ranking = await r.service.riskRanking();
    for (const v of ranking.villages) {
      expect(v.score).toBe(0);
      expect(v.rulesRan).toBe(0);
      expect(v.gaps.map((g) => g.state)).toEqual(RULES.map(() => 'off'));
    }
  });
});
