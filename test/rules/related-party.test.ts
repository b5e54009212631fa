// 向村干部及其亲属支付 on its fixture (fixtures/rules/related-party/), with its roster.
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'related-party';
fixtureSuite(RULE);

describe(RULE, () => {
  it('names the officer, the post and the term, or the relative', async () => {
    const r = await runFixture(RULE);
    const p = planted(RULE, 'director');
    expect(found(r, p).reason).toBe(`2018-03-12 凭证 ${p.vouchers[0]} 向本村村委会主任韩某某（2014-01-10 起在任）支付 ¥2,800.00`);
    const withSon = await runFixture(RULE, { settings: { [RULE]: { relatives: ['柳林村/陶小某/陶某某之子'] } } });
    expect(withSon.findings.find((f) => f.amountFen === 160_000)?.reason).toContain('向村干部亲属陶小某（陶某某之子）支付 ¥1,600.00');
  });

  it('without a roster it does not guess: it says so and the ranking shows it did not run', async () => {
    const r = await runFixture(RULE, { without: ['cadres'] });
    expect(r.findings).toEqual([]);
    expect(r.notices.map((n) => n.message)).toEqual(['未导入村干部名册，也未在设置中列出亲属：向村干部及其亲属支付未检查']);
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'not-run' });
  });
});
