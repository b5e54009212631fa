// 违规报销禁止列支项目 on its fixture (fixtures/rules/banned-expense/).
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'banned-expense';
fixtureSuite(RULE);

describe(RULE, () => {
  it('names the word and where it was found', async () => {
    const r = await runFixture(RULE);
    const tour = planted(RULE, 'tour');
    expect(found(r, tour).reason).toBe(`2018-04-16 凭证 ${tour.vouchers[0]} 列支 ¥6,800.00，对方单位“六安青年旅行社”含“旅行社”，属禁止公款报销的项目`);
    expect(found(r, planted(RULE, 'cigarettes')).reason).toContain('摘要含“烟”');
  });

  it('leaves tobacco and liquor bought as hospitality to banned-hospitality while that is on', async () => {
    const r = await runFixture(RULE);
    const hospitality = (await r.service.listFindings({ rule: ['banned-hospitality'] })).rows;
    expect(hospitality.map((f) => f.amount)).toEqual(['580.00']);
  });
});
