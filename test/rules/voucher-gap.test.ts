// 凭证断号/重号 on its fixture (fixtures/rules/voucher-gap/).
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture } from './harness';
import { parseVoucherNumber } from '../../shared/rules/voucher-gap';

const RULE = 'voucher-gap';
fixtureSuite(RULE);

describe(RULE, () => {
  it('names the missing numbers, the repeats and the misdated voucher, with no amount', async () => {
    const r = await runFixture(RULE);
    expect(found(r, planted(RULE, 'missing')).reason).toBe('2018年记字凭证缺号 8–9、17，共 3 个（来源为缺号前后的凭证）');
    expect(found(r, planted(RULE, 'repeated')).reason).toBe('2018年记字凭证号重复使用：记-3（2018-01-25、2018-06-18），共 1 个号');
    expect(found(r, planted(RULE, 'misdated')).reason).toBe('2018年记字凭证号与日期顺序不符：记-24（2018-07-01）早于前一号 记-23（2018-07-14），共 1 张');
    expect(found(r, planted(RULE, 'missing-monthly')).reason).toBe('2018年3月记字凭证缺号 3，共 1 个（来源为缺号前后的凭证）');
    expect(found(r, planted(RULE, 'repeated-same-month')).reasonEn).toBe('记 vouchers of 2018: numbers used for more than one voucher: 记-5 (2018-03-10, 2018-03-20); 1 in all');
    expect(r.findings.every((f) => f.amountFen === 0)).toBe(true);
  });

  it('lists at most the set number of gaps but counts them all', async () => {
    const r = await runFixture(RULE, { settings: { [RULE]: { listLimit: 1 } } });
    expect(found(r, { ...planted(RULE, 'missing'), vouchers: ['记-7', '记-10'] }).reason).toBe('2018年记字凭证缺号 8–9等，共 3 个（来源为缺号前后的凭证）');
  });

  it('reads the numbers packages write', () => {
    expect(parseVoucherNumber('记-015')).toEqual({ word: '记', n: 15 });
    expect(parseVoucherNumber('记字第15号')).toEqual({ word: '记', n: 15 });
    expect(parseVoucherNumber('付-3')).toEqual({ word: '付', n: 3 });
    expect(parseVoucherNumber('0042')).toEqual({ word: '', n: 42 });
    expect(parseVoucherNumber('转账')).toBeNull();
  });
});
