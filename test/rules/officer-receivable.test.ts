// 个人借款长期未还 on its fixture (fixtures/rules/officer-receivable/), with its roster.
import { describe, expect, it } from 'vitest';
import { fixtureSuite, found, planted, runFixture, sorted, untagged } from './harness';

const RULE = 'officer-receivable';
fixtureSuite(RULE);

describe(RULE, () => {
  it('names the officer and post, since when, and what is open', async () => {
    const r = await runFixture(RULE);
    expect(found(r, planted(RULE, 'clerk')).reason).toBe('本村文书（报账员）蒋某某自 2017-03-10 起借支 1 笔，截至 2018-12-31 超过 180 天未还 ¥4,000.00（全部未还余额 ¥4,000.00）');
    expect(found(r, planted(RULE, 'sub-account')).reason).toContain('本村村委会主任韩某某');
    expect(found(r, planted(RULE, 'person')).reason).toMatch(/^张某某自 2018-01-15 起/);
  });

  it('without a counterparty column it finds borrowers in sub-account names only, and says so', async () => {
    const r = await runFixture(RULE, { drop: ['对方单位'] });
    expect(sorted(r.shaped)).toEqual(sorted(untagged([planted(RULE, 'sub-account')])));
    expect(r.gaps.get('柳林村')).toMatchObject({ state: 'partial' });
  });

  it('balances on the day set: at the end of 2017 王某某 had not repaid yet, 韩某某 owed for 152 days only', async () => {
    const r = await runFixture(RULE, { settings: { [RULE]: { asOf: '2017-12-31' } } });
    expect(r.findings.map((f) => f.amount).sort()).toEqual(['1000.00', '4000.00']);
  });
});
