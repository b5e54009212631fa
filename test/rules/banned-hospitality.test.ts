// 村级招待费 on its fixture (fixtures/rules/banned-hospitality/).
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'banned-hospitality';
fixtureSuite(RULE);

describe(RULE, () => {
  it('says what makes it hospitality and when the ban began', async () => {
    const r = await runFixture(RULE);
    const p = planted(RULE, 'banquet-as-meeting');
    expect(found(r, p).reason).toBe(`2018-01-26 凭证 ${p.vouchers[0]} 列支 ¥2,640.00，摘要含“宴请”，属禁令（2017-02-01 起）后的村级招待费支出`);
    expect(found(r, planted(RULE, 'farmhouse-meal')).reason).toContain('对方单位“顺河农家乐”');
    expect(r.gaps.size).toBe(0);
  });
});
