// 现金余额异常 on its fixture (fixtures/rules/cash-balance/).
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'cash-balance';
fixtureSuite(RULE);

describe(RULE, () => {
  it('gives the spell below zero and above the limit, with the lowest and highest balance', async () => {
    const r = await runFixture(RULE);
    expect(found(r, planted(RULE, 'negative')).reason).toBe('柳林村库存现金自 2018-02-10 起为负数，最低 ¥800.00（2018-02-12），至 2018-02-20 转正；期初按 ¥0.00 计');
    expect(found(r, planted(RULE, 'over-limit')).reason).toBe('柳林村库存现金月末余额 2018-04 至 2018-05 超过限额 ¥5,000.00，最高 ¥9,200.00（2018-04 月末），超出 ¥4,200.00；期初按 ¥0.00 计');
    expect(found(r, planted(RULE, 'never-received')).reasonEn).toContain('cash on hand negative from 2018-01-10');
    expect(r.gaps.size).toBe(0);
  });
});
