// 验收前支付工程款 on its fixture (fixtures/rules/paid-before-acceptance/), with its project file.
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'paid-before-acceptance';
fixtureSuite(RULE);

describe(RULE, () => {
  it('gives what was paid before acceptance against the share of the contract, and the project figures', async () => {
    const r = await runFixture(RULE);
    const f = found(r, planted(RULE, 'bridge'));
    expect(f.reason).toBe('SH2017-005 桥梁维修：验收（2017-12-20）前已付 2 笔共 ¥125,000.00，超过合同金额 ¥150,000.00 的 70%（¥105,000.00）¥20,000.00');
    expect((await r.service.getFinding({ id: f.id })).projectFigures).toMatchObject({ code: 'SH2017-005', contractFen: 15_000_000, acceptedDate: '2017-12-20' });
  });

  it('says which projects have no acceptance date', async () => {
    const r = await runFixture(RULE);
    expect(r.notices.map((n) => n.message)).toEqual(['1 个项目没有验收日期，未检查其验收前付款']);
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'partial', why: '1 个项目没有验收日期' });
  });

  it('without a project file it does not run, and says so', async () => {
    const r = await runFixture(RULE, { without: ['projects'] });
    expect(r.findings).toEqual([]);
    expect(r.notices.map((n) => n.message)).toEqual(['未导入项目文件（合同、验收日期），验收前支付工程款未检查']);
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'not-run' });
  });
});
