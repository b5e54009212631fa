// 临界金额与整数付款 on its fixture (fixtures/rules/threshold-avoidance/).
import { describe, expect, it } from 'vitest';
import { isPersonName } from '../../shared/rules/persons';
import { fixtureSuite, found, planted, runFixture, sorted, untagged } from './harness';

const RULE = 'threshold-avoidance';
fixtureSuite(RULE);

describe(RULE, () => {
  it('says how far below which threshold, and to whom a round sum went', async () => {
    const r = await runFixture(RULE);
    const p = planted(RULE, 'both');
    expect(found(r, p).reason).toBe(`2018-06-12 凭证 ${p.vouchers[0]} 付款 ¥96,000.00，略低于审批限额 ¥100,000.00（差 ¥4,000.00）；整数金额付给个人“王某某”`);
  });

  it('tells persons from organisations', () => {
    expect(isPersonName('李某某')).toBe(true);
    expect(isPersonName('欧阳某某')).toBe(true);
    expect(isPersonName('顺河建筑队')).toBe(false);
    expect(isPersonName('城南苗圃')).toBe(false);
    expect(isPersonName('六安顺达建材有限公司')).toBe(false);
    expect(isPersonName('张')).toBe(false);
  });

  it('without a counterparty column it checks the thresholds only, and the ranking says so', async () => {
    const r = await runFixture(RULE, { drop: ['对方单位'] });
    expect(sorted(r.shaped)).toEqual(sorted(untagged([planted(RULE, 'below-10000'), planted(RULE, 'at-band-edge'), planted(RULE, 'both')])));
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'partial' });
  });
});
