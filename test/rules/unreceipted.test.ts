// 白条入账 on its fixture (fixtures/rules/unreceipted/).
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture } from './harness';

const RULE = 'unreceipted';
fixtureSuite(RULE);

describe(RULE, () => {
  it('says why there is no proper document', async () => {
    const r = await runFixture(RULE);
    const p = planted(RULE, 'no-attachment');
    expect(found(r, p).reason).toBe(`凭证 ${p.vouchers[0]} 付出 ¥1,200.00，附件张数为 0，无合法原始凭证`);
    expect(found(r, planted(RULE, 'blank-count')).reason).toContain('附件张数为空');
    expect(found(r, planted(RULE, 'note-as-receipt-type')).reason).toContain('票据类型为“收条”');
  });

  it('without an attachment column it does not judge the file, and says so', async () => {
    const r = await runFixture(RULE, { drop: ['附件张数'] });
    expect(r.findings).toEqual([]);
    expect(r.notices.map((n) => n.message)).toEqual(['ledger.csv 没有“附件张数”列，无法判断是否白条入账，本文件未检查']);
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'not-run', why: '缺附件张数列' });
  });
});
