// 工程款超付 on its fixture (fixtures/rules/payment-exceeds-acceptance/), with its project file.
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'payment-exceeds-acceptance';
fixtureSuite(RULE);

describe(RULE, () => {
  it('gives the quantities, what was payable and what was paid', async () => {
    const r = await runFixture(RULE);
    expect(found(r, planted(RULE, 'measured-short')).reason).toBe('村道硬化：实测 1400 米 < 验收 1500 米，按实测应付 ¥280,000.00，已付 ¥300,000.00，超付 ¥20,000.00');
    expect(found(r, planted(RULE, 'accepted-short')).reason).toContain('验收 900 米 < 合同 1000 米');
  });

  it('without a project file it does not run, and says so', async () => {
    const r = await runFixture(RULE, { without: ['projects'] });
    expect(r.findings).toEqual([]);
    expect(r.notices.map((n) => n.message)).toEqual(['未导入项目文件（合同、验收、实测），工程款超付未检查']);
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'not-run' });
  });
});
