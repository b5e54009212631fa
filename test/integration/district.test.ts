// The sample district end to end through the service: every planted case found, with its
// vouchers, amount and source lines exactly; no look-alike flagged.
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

  it('counts subtotal and balance rows instead of importing them', async () => {
    const files = await service.listFiles();
    const sb = files.find((f) => f.name.startsWith('shibanchong'))!;
    expect(sb.rowsSkipped).toBeGreaterThan(100);
    expect(sb.encoding).toBe('gb18030');
    expect(files.find((f) => f.name.startsWith('chengnan'))!.encoding).toBe('utf-8');
  });
});
