// What counts as the same source: a file's bytes, and for a workbook the sheet read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/ingest/csv-reader';
import type { AuditService } from '../../shared/service';
import { openTempService, tempDir } from '../helpers';

const HEADER = ['乡镇', '村', '凭证日期', '凭证号', '摘要', '科目名称', '借方金额', '贷方金额', '附件张数'];

describe('source identity', () => {
  let service: AuditService;
  beforeEach(async () => ({ service } = await openTempService()));
  afterEach(() => service.closeWorkspace());

  it('imports two sheets of one workbook as two sources, and neither twice', async () => {
    const wb = new ExcelJS.Workbook();
    for (const year of ['2017', '2018']) {
      const ws = wb.addWorksheet(year);
      ws.addRow(HEADER);
      ws.addRow(['石板冲乡', '赵湾村', `${year}-03-05`, '记-1', '购办公用品', '管理费用', 100, null, 1]);
      ws.addRow(['石板冲乡', '赵湾村', `${year}-03-05`, '记-1', '购办公用品', '现金', null, 100, 1]);
    }
    const path = join(tempDir(), 'ledger.xlsx');
    await wb.xlsx.writeFile(path);
    expect((await service.importFile({ path, kind: 'ledger', sheet: '2017' })).status).toBe('imported');
    expect((await service.importFile({ path, kind: 'ledger', sheet: '2018' })).status).toBe('imported');
    expect((await service.importFile({ path, kind: 'ledger', sheet: '2018' })).status).toBe('duplicate');
    // Without --sheet the first sheet with a header is read: 2017, already imported.
    expect((await service.importFile({ path, kind: 'ledger' })).status).toBe('duplicate');
    expect((await service.workspaceInfo())?.lines).toBe(4);
  });
});

describe('line count', () => {
  it('counts the lines of a last row that holds a newline and has none after it', async () => {
    const path = join(tempDir(), 'x.csv');
    writeFileSync(path, 'a,b\n1,"x\ny"');
    const seen: number[] = [];
    const r = await readCsv(path, { onRow: (row) => { seen.push(row.line); } });
    expect(seen).toEqual([1, 2]);
    expect(r.lines).toBe(3);
  });
});

describe('line attributes', () => {
  it('keeps every counterparty of a summary used with many of them', async () => {
    const { service } = await openTempService();
    const lines = ['乡镇,村,凭证日期,凭证号,摘要,科目名称,借方金额,贷方金额,附件张数,对方单位'];
    for (let i = 1; i <= 40; i++) {
      lines.push(`石板冲乡,赵湾村,2018-03-05,记-${i},付货款,其他支出,${i}.00,,1,供应商${i}`, `石板冲乡,赵湾村,2018-03-05,记-${i},付货款,现金,,${i}.00,1,`);
    }
    const path = join(tempDir(), 'many.csv');
    writeFileSync(path, lines.join('\n'));
    expect((await service.importFile({ path, kind: 'ledger' })).rowsImported).toBe(80);
    await service.runRules();
    const { Database } = { Database: (await import('better-sqlite3-multiple-ciphers')).default };
    const db = new Database(((await service.workspaceInfo())!).path, { readonly: true });
    const names = db.prepare("SELECT DISTINCT counterparty FROM ledger_lines WHERE counterparty <> '' ORDER BY line_no").all() as { counterparty: string }[];
    db.close();
    expect(names.map((n) => n.counterparty)).toEqual(Array.from({ length: 40 }, (_, i) => `供应商${i + 1}`));
    await service.closeWorkspace();
  });
});
