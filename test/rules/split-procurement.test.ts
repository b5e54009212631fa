// 拆分项目规避招标 on its fixture (fixtures/rules/split-procurement/).
import { describe, expect, it } from 'vitest';
import { workOf } from '../../shared/rules/split-procurement';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'split-procurement';
fixtureSuite(RULE);

describe(RULE, () => {
  it('names the counterparty, the payments, the days and the threshold', async () => {
    const r = await runFixture(RULE);
    const p = planted(RULE, 'road');
    const f = found(r, p);
    expect(f.reason).toContain('向“顺河建筑队”付“付村道硬化工程款（一期）”等 2 笔');
    expect(f.reason).toContain(`2018-04-10 ${p.vouchers[0]} ¥92,000.00、2018-05-20 ${p.vouchers[1]} ¥88,000.00`);
    expect(f.reason).toContain('40 天内合计 ¥180,000.00，每笔均低于限额 ¥100,000.00');
    expect(f.project).toBeNull();
  });

  it('takes the work as the name without parts and payment words', () => {
    expect(workOf('付村道硬化工程款（一期）')).toBe('村道硬化');
    expect(workOf('村部围墙维修东段')).toBe('村部围墙维修');
    expect(workOf('付1组道路硬化款')).toBe('道路硬化');
    expect(workOf('付便民桥工程进度款')).toBe(workOf('付便民桥工程尾款'));
    expect(workOf('付塘坝清淤工程款')).not.toBe(workOf('付路灯安装工程款'));
  });

  it('without a counterparty column it cannot group payments: it says so and finds nothing', async () => {
    const r = await runFixture(RULE, { drop: ['对方单位'] });
    expect(r.findings).toEqual([]);
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'not-run', why: '缺对方单位列' });
  });
});
