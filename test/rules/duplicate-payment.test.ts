// 重复支付 on its fixture (fixtures/rules/duplicate-payment/).
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture, sorted, untagged } from './harness';

const RULE = 'duplicate-payment';
fixtureSuite(RULE);

describe(RULE, () => {
  it('says which earlier voucher the payment repeats, and how', async () => {
    const r = await runFixture(RULE);
    const same = planted(RULE, 'same-amount');
    expect(found(r, same).reason).toBe(`2018-07-19 凭证 ${same.vouchers[1]} 支付 ¥3,650.00，与 17 天前的凭证 ${same.vouchers[0]}（2018-07-02）同为向“顺河农机修理部”支付相同金额，疑似重复支付`);
    const inv = planted(RULE, 'same-invoice');
    expect(found(r, inv).reason).toContain(`发票号码 00056789 已在凭证 ${inv.vouchers[0]}（2018-09-03）入账`);
    expect(found(r, planted(RULE, 'both')).reason).toMatch(/同为向“顺河广告部”支付相同金额；发票号码 00077777 已在凭证/);
    expect(r.gaps.size).toBe(0);
    expect(r.notices).toEqual([]);
  });

  it('without an invoice column it compares counterparty and amount only, and says so', async () => {
    const r = await runFixture(RULE, { drop: ['发票号码'] });
    expect(sorted(r.shaped)).toEqual(sorted(untagged([planted(RULE, 'same-amount'), planted(RULE, 'both')])));
    expect(r.notices.map((n) => n.message)).toEqual(['ledger.csv 没有发票号码列：其中的付款只按对方单位和金额检查重复支付']);
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'partial', why: '缺发票号码列' });
  });

  it('without invoice and counterparty columns it could not check the village at all', async () => {
    const r = await runFixture(RULE, { drop: ['发票号码', '对方单位'] });
    expect(r.findings).toEqual([]);
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'not-run', why: '缺对方单位、发票号码列' });
  });
});
