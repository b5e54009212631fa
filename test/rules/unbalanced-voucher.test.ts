// 借贷不平 on its fixture (fixtures/rules/unbalanced-voucher/).
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'unbalanced-voucher';
fixtureSuite(RULE);

describe(RULE, () => {
  it('gives both totals and the difference', async () => {
    const r = await runFixture(RULE);
    const p = planted(RULE, 'typo');
    expect(found(r, p).reason).toBe(`凭证 ${p.vouchers[0]} 借方合计 ¥1,250.00，贷方合计 ¥1,205.00，相差 ¥45.00`);
  });

  it('says a one-sided cash journal was not checked voucher by voucher, instead of flagging each', async () => {
    const r = await runFixture(RULE);
    expect(r.findings.filter((f) => f.village === '桃园村')).toEqual([]);
    expect(r.notices.map((n) => n.message)).toEqual(['顺河镇桃园村 24 张凭证中 24 张只有借方或贷方，像是单一科目的日记账，借贷不平未逐张检查']);
    expect(r.gaps.get('桃园村')).toMatchObject({ state: 'not-run' });
    expect(r.gaps.has('柳林村')).toBe(false);
  });
});
