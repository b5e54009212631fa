// The sample district end to end through the service: every planted case of every rule found,
// with its vouchers, amount and source lines exactly; no look-alike flagged; the risk ranking.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExpectedFinding } from '../../fixtures/generate';
import type { AuditService } from '../../shared/service';
import { district, importDistrict, openTempService } from '../helpers';

const expected = JSON.parse(readFileSync(district.expected, 'utf8')) as ExpectedFinding[];

describe('sample district', () => {
  let service: AuditService;
  beforeEach(async () => {
    ({ service } = await openTempService());
    await importDistrict(service);
    expect((await service.importCadres({ path: district.cadres })).status).toBe('imported');
  });
  afterEach(() => service.closeWorkspace());

  it('finds exactly the planted problems, with vouchers, amounts and source lines', async () => {
    await service.runRules();
    const page = await service.listFindings({ limit: 10_000 });
    const actual = page.rows.map((f) => ({
      rule: f.rule, township: f.township, village: f.village, date: f.date, vouchers: f.vouchers, project: f.project, amount: f.amount,
      sources: f.sources.map((s) => ({ file: s.file, line: s.line })),
    }));
    const order = (a: ExpectedFinding, b: ExpectedFinding): number =>
      a.rule.localeCompare(b.rule) || a.township.localeCompare(b.township) || a.village.localeCompare(b.village) || a.date.localeCompare(b.date);
    expect(actual.sort(order)).toEqual([...expected].sort(order));
  });

  it('reports the 裕民路 overpayment of ¥46,200.00 with the quantities in its reason', async () => {
    await service.runRules();
    const page = await service.listFindings({ rule: ['payment-exceeds-acceptance'], text: '裕民路' });
    expect(page.rows).toHaveLength(1);
    const f = page.rows[0]!;
    expect(f.amount).toBe('46200.00');
    expect(f.village).toBe('赵湾村');
    expect(f.reason).toContain('实测 1800 米 < 验收 2000 米，按实测应付 ¥415,800.00，已付 ¥462,000.00');
    const detail = await service.getFinding({ id: f.id });
    expect(detail.projectFigures).toMatchObject({ contractFen: 46_200_000, paidFen: 46_200_000, payableFen: 41_580_000, excessFen: 4_620_000 });
  });

  it('keeps review decisions when the rules run again', async () => {
    await service.runRules();
    const { rows } = await service.listFindings({ limit: 100 });
    const [a, b] = rows;
    await service.reviewFindings({ ids: [a!.id], decision: 'confirmed', reviewer: '审计一组 王', note: '已调阅纸质凭证' });
    await service.reviewFindings({ ids: [b!.id], decision: 'dismissed', reviewer: '审计一组 王', note: '附件后补' });
    await service.runRules();
    const again = await service.getFinding({ id: a!.id });
    expect(again.status).toBe('confirmed');
    expect(again.note).toBe('已调阅纸质凭证');
    expect((await service.getFinding({ id: b!.id })).status).toBe('dismissed');
    expect(again.history).toHaveLength(1);
  });

  it('runs every rule on it, each with findings', async () => {
    const run = await service.runRules();
    for (const r of run.rules) expect(r.count, r.rule).toBeGreaterThan(0);
    expect(new Set(expected.map((e) => e.rule))).toEqual(new Set(run.rules.map((r) => r.rule)));
  });

  it('ranks the villages by risk, explains each score, and never calls a village clean when a rule could not check it', async () => {
    await service.runRules();
    const { villages, townships } = await service.riskRanking();
    expect(villages.map((v) => v.village)).toHaveLength(10);
    expect(villages[0]).toMatchObject({ rank: 1, township: '顺河镇', village: '顺河村', rulesRan: 15, rulesTotal: 16 });
    expect(villages[0]?.gaps).toEqual([{ rule: 'benford', state: 'not-run', why: '付款 108 笔，少于最低样本 300 笔，未检验', whyEn: '108 payments, fewer than the minimum sample of 300: not tested' }]);
    // Each score is its parts: weight × (log2(1 + n) + min(100, 100 × amount / spending)).
    for (const v of villages) {
      const sum = v.parts.reduce((s, p) => s + p.points, 0);
      expect(Math.abs(sum - v.score)).toBeLessThan(0.05);
      for (const p of v.parts) expect(p.points).toBeCloseTo(p.weight * (Math.log2(1 + p.findings) + Math.min(100, (100 * p.amountFen) / v.spendingFen)), 1);
    }
    const zhao = villages.find((v) => v.village === '赵湾村')!;
    expect(zhao.parts.find((p) => p.rule === 'payment-exceeds-acceptance')).toMatchObject({ weight: 3, findings: 1, amountFen: 4_620_000 });
    expect(zhao.gaps.map((g) => [g.rule, g.state])).toEqual([['duplicate-payment', 'partial'], ['same-hands', 'partial'], ['benford', 'not-run']]);
    // 新河村 has no finding, but three rules could not check all of it: not clean, not fully checked.
    expect(villages.find((v) => v.village === '新河村')).toMatchObject({ score: 0, findings: 0, rulesRan: 13 });
    expect(townships.map((t) => t.township)).toEqual(['顺河镇', '石板冲乡', '城南镇']);
    expect(townships.find((t) => t.township === '城南镇')?.gaps.find((g) => g.rule === 'same-hands')).toMatchObject({ state: 'not-run', villages: 3 });
  });

  it('counts a dismissed finding for nothing in the ranking', async () => {
    await service.runRules();
    const before = (await service.riskRanking()).villages.find((v) => v.village === '赵湾村')!;
    const road = (await service.listFindings({ rule: ['payment-exceeds-acceptance'], village: ['赵湾村'] })).rows[0]!;
    await service.reviewFindings({ ids: [road.id], decision: 'dismissed', reviewer: '审计一组 王', note: '复测后长度相符' });
    const after = (await service.riskRanking()).villages.find((v) => v.village === '赵湾村')!;
    expect(after.score).toBeLessThan(before.score);
    expect(after.parts.find((p) => p.rule === 'payment-exceeds-acceptance')).toMatchObject({ findings: 0, dismissed: 1, amountFen: 0, points: 0 });
    expect(after.dismissed).toBe(1);
  });

  it('counts subtotal and balance rows instead of importing them', async () => {
    const files = await service.listFiles();
    const sb = files.find((f) => f.name.startsWith('shibanchong'))!;
    expect(sb.rowsSkipped).toBeGreaterThan(100);
    expect(sb.encoding).toBe('gb18030');
    expect(files.find((f) => f.name.startsWith('chengnan'))!.encoding).toBe('utf-8');
  });
});
