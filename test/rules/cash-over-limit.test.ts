// 超限额现金支付 on its fixture (fixtures/rules/cash-over-limit/).
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'cash-over-limit';
fixtureSuite(RULE);

describe(RULE, () => {
  it('explains the cash paid against the limit', async () => {
    const r = await runFixture(RULE);
    const p = planted(RULE, 'wages');
    expect(found(r, p).reason).toBe(`2018-03-05 凭证 ${p.vouchers[0]} 以现金支付 ¥6,500.00，超过现金支付限额 ¥5,000.00`);
    expect(found(r, planted(RULE, 'two-expenses')).reasonEn).toContain('paid ¥5,600.00 in cash, above the cash limit of ¥5,000.00');
  });

  it('needs the ledger only: every village is checked', async () => {
    expect((await runFixture(RULE)).gaps.size).toBe(0);
  });
});
