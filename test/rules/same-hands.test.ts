// 不相容岗位未分离 on its fixture (fixtures/rules/same-hands/).
import { describe, expect, it } from 'vitest';
import { parsePairs } from '../../shared/rules/same-hands';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'same-hands';
fixtureSuite(RULE);

describe(RULE, () => {
  it('names the two duties and the person', async () => {
    const r = await runFixture(RULE);
    const p = planted(RULE, 'both-pairs');
    expect(found(r, p).reason).toBe(`2018-05-12 凭证 ${p.vouchers[0]} 付款 ¥880.00，制单人与审核人同为“孙某某”；经办人与审批人同为“陶某某”`);
    expect(r.notices).toEqual([]);
  });

  it('reads the pairs in Chinese or by field', () => {
    expect(parsePairs(['制单人/审核人', 'handler/approver', '审核/记账', '制单人/制单人', '谁/审核人'])).toEqual([['preparer', 'checker'], ['handler', 'approver'], ['checker', 'bookkeeper']]);
  });

  it('without the columns it does not run, and says so', async () => {
    const r = await runFixture(RULE, { drop: ['制单人', '审核人', '经办人', '审批人'] });
    expect(r.findings).toEqual([]);
    expect(r.notices.map((n) => n.message)).toEqual(['ledger.csv 缺少制单人、审核人或经办人、审批人列，其中的凭证未检查岗位分离']);
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'not-run', why: '缺制单人、审核人、经办人、审批人列' });
  });
});
