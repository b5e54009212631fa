// The preview reads its rows as the import will: data, skipped subtotal/balance rows, errors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditService } from '../../shared/service';
import { district, openTempService } from '../helpers';

describe('preview', () => {
  let service: AuditService;
  let dir: string;
  beforeEach(async () => ({ service, dir } = await openTempService()));
  afterEach(() => service.closeWorkspace());

  it('marks the GB18030 ledger\'s opening-balance row as skipped and its vouchers as data', async () => {
    const p = await service.previewFile({ path: district.shibanchong, kind: 'ledger' });
    const first = p.rows[0]!;
    expect(first.outcome).toBe('subtotal');
    expect(first.cells.join('')).toContain('期初余额');
    expect(p.rows.slice(1).every((r) => r.outcome === 'data')).toBe(true);
  });

  it('names the errors of bad rows with file:line:column before anything is imported', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '乡镇,村,凭证日期,凭证号,摘要,科目编码,科目名称,借方金额,贷方金额,附件张数\n城南镇,城南村,2018-03-05,1,购办公用品,54101,管理费用,120.00,,2\n城南镇,城南村,2018-03-31,,本月合计,,,120.00,,\n城南镇,城南村,2018-13-45,2,付水电费,54101,管理费用,80.00,,1\n');
    const p = await service.previewFile({ path: bad, kind: 'ledger' });
    expect(p.rows.map((r) => r.outcome)).toEqual(['data', 'subtotal', 'error']);
    expect(p.rows[2]!.errors.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual(['bad.csv:4:3']);
    expect((await service.workspaceInfo())?.lines).toBe(0);
  });

  it('says unknown while columns still need mapping', async () => {
    const odd = join(dir, 'odd.csv');
    writeFileSync(odd, '乡镇,村,凭证日期,单据编码,摘要,科目名称,借方金额,贷方金额,附件张数\n城南镇,城南村,2018-03-05,1,购办公用品,管理费用,120.00,,2\n');
    const p = await service.previewFile({ path: odd, kind: 'ledger' });
    expect(p.missing).toContain('voucher');
    expect(p.rows.map((r) => r.outcome)).toEqual(['unknown']);
    const mapped = await service.previewFile({ path: odd, kind: 'ledger', map: { voucher: '单据编码' } });
    expect(mapped.rows.map((r) => r.outcome)).toEqual(['data']);
  });
});
