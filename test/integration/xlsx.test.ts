// .xlsx ledgers built with exceljs in the test: title rows above the header, numeric and date cells,
// a named second sheet, and row/column in the errors.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditService } from '../../shared/service';
import { openTempService } from '../helpers';

const HEADER = ['乡镇', '村', '凭证日期', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '附件张数'];

async function workbook(path: string, fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  await wb.xlsx.writeFile(path);
  return path;
}

function ledgerSheet(ws: ExcelJS.Worksheet, village: string, extra: (string | number | Date | null)[][] = []): void {
  ws.addRow([`${village} 2018 年度 序时账`]);
  ws.addRow(['单位：元']);
  ws.addRow(HEADER);
  ws.addRow(['石板冲乡', village, new Date(Date.UTC(2018, 2, 5)), '记-1', '宴请检查组', '541', '管理费用-招待费', 1234.5, null, 2]);
  ws.addRow(['石板冲乡', village, 43164, '记-1', '宴请检查组', '102', '银行存款', null, 1234.5, 2]);
  ws.addRow(['石板冲乡', village, '2018/3/6', '记-2', '购办公用品', '541', '管理费用-办公费', '¥1,000.00', '', 0]);
  ws.addRow(['石板冲乡', village, '2018年3月6日', '记-2', '购办公用品', '101', '现金', '', '1,000.00', 0]);
  ws.addRow(['', '', '', '', '本月合计', '', '', 2234.5, 2234.5, '']);
  for (const r of extra) ws.addRow(r);
}

describe('xlsx import', () => {
  let service: AuditService;
  let dir: string;
  beforeEach(async () => {
    ({ service, dir } = await openTempService());
  });
  afterEach(() => service.closeWorkspace());

  it('reads the first sheet with a header row: title rows, numeric and date cells', async () => {
    const path = await workbook(join(dir, 'zhaowan.xlsx'), (wb) => {
      wb.addWorksheet('说明').addRow(['本账套由财政所导出']);
      ledgerSheet(wb.addWorksheet('序时账'), '赵湾村');
    });
    const r = await service.importFile({ path, kind: 'ledger' });
    expect(r.status).toBe('imported');
    expect(r.rowsImported).toBe(4);
    expect(r.rowsSkipped).toBe(1);
    expect(r.encoding).toBeNull();
    await service.runRules();
    const { rows } = await service.listFindings({ limit: 100 });
    const hosp = rows.find((f) => f.rule === 'banned-hospitality');
    expect(hosp).toMatchObject({ village: '赵湾村', date: '2018-03-05', amount: '1234.50', vouchers: ['记-1'] });
    expect(hosp?.sources.map((s) => `${s.file}:${s.line}`)).toEqual(['zhaowan.xlsx:4', 'zhaowan.xlsx:5']);
    const unrec = rows.find((f) => f.rule === 'unreceipted');
    expect(unrec).toMatchObject({ date: '2018-03-06', amount: '1000.00', vouchers: ['记-2'] });
  });

  it('reads a named sheet, and says which sheets exist when the name is wrong', async () => {
    const path = await workbook(join(dir, 'two.xlsx'), (wb) => {
      ledgerSheet(wb.addWorksheet('2017'), '观山村');
      ledgerSheet(wb.addWorksheet('2018'), '赵湾村');
    });
    const missing = await service.importFile({ path, kind: 'ledger', sheet: '2019' });
    expect(missing.status).toBe('needs-mapping');
    expect(missing.message).toContain('2019');
    expect(missing.message).toContain('2017');
    expect(missing.message).toContain('2018');
    expect((await service.workspaceInfo())?.files).toBe(0);

    const r = await service.importFile({ path, kind: 'ledger', sheet: '2018' });
    expect(r.status).toBe('imported');
    await service.runRules();
    const villages = new Set((await service.listFindings({ limit: 100 })).rows.map((f) => f.village));
    expect(villages).toEqual(new Set(['赵湾村']));
  });

  it('reports bad cells by row and column, and imports nothing', async () => {
    const path = await workbook(join(dir, 'bad.xlsx'), (wb) => {
      ledgerSheet(wb.addWorksheet('序时账'), '赵湾村', [
        ['石板冲乡', '赵湾村', '2018-02-30', '记-3', '付电费', '541', '管理费用', 10, null, 1],
        ['石板冲乡', '赵湾村', '2018-03-07', '记-4', '付电费', '541', '管理费用', 10.005, null, 1],
      ]);
    });
    const before = await service.workspaceInfo();
    const r = await service.importFile({ path, kind: 'ledger' });
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => [e.line, e.column, e.columnName, e.field])).toEqual([
      [9, 3, '凭证日期', 'date'],
      [10, 8, '借方金额', 'debit'],
    ]);
    expect(r.errors[0]?.found).toBe('2018-02-30');
    expect(await service.workspaceInfo()).toEqual(before);
  });
});
