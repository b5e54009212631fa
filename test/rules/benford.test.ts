// 首位数字分布异常 on its fixture (fixtures/rules/benford/).
import { describe, expect, it } from 'vitest';
import { benfordFigures, BENFORD } from '../../shared/rules/benford';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'benford';
fixtureSuite(RULE);

describe(RULE, () => {
  it('reports the village with its deviation, the digits that stand out, and the distribution for the chart', async () => {
    const r = await runFixture(RULE);
    const f = found(r, planted(RULE, 'fours-and-eights'));
    expect(f.village).toBe('桃园村');
    expect(f.amountFen).toBe(0);
    expect(f.reason).toMatch(/^顺河镇桃园村 330 笔付款的首位数字偏离本福特定律：平均绝对偏差 0\.\d{4}（限值 0\.015，不符合）；首位为 4、8 的付款偏多（4：70 笔，占 21\.2%，应为 9\.7%；8：50 笔，占 15\.2%，应为 5\.1%）；来源列出其中金额最大的 100 笔（共 120 笔）$/);
    const detail = await r.service.getFinding({ id: f.id });
    expect(detail.benford?.payments).toBe(330);
    expect(detail.benford?.digits.map((d) => d.count)).toEqual([60, 35, 30, 70, 25, 20, 20, 50, 20]);
    expect(detail.benford?.digits.filter((d) => d.standsOut && d.observed > d.expected).map((d) => d.digit)).toEqual([4, 8]);
  });

  it('tests only villages with the minimum sample, and says which it did not test', async () => {
    const r = await runFixture(RULE);
    expect(r.gaps.get('石桥村')).toMatchObject({ state: 'not-run', why: '付款 120 笔，少于最低样本 300 笔，未检验' });
    expect(r.gaps.has('柳林村')).toBe(false);
    expect(r.notices.map((n) => n.message)).toEqual(['1 个村付款笔数少于 300 笔，首位数字分布未检验']);
  });

  it('computes the mean absolute deviation against log10(1 + 1/d)', () => {
    const exact = benfordFigures(BENFORD.map((p) => Math.round(p * 100_000)));
    expect(exact.mad).toBeLessThan(0.0001);
    expect(exact.conformity).toBe('close');
    const flat = benfordFigures(Array.from({ length: 9 }, () => 100));
    expect(flat.conformity).toBe('nonconformity');
    expect(flat.mad).toBeCloseTo(0.0596, 3);
  });
});
