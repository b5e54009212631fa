// Header recognition: every alias the issue lists, title lines above the header, the 制单日期
// fallback, voucher word + number, and the needs-mapping answers (never a silent guess).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldId } from '../../shared/contract';
import { LEDGER_FIELDS, PROJECT_FIELDS } from '../../shared/ingest/fields';
import { mapColumns, MappingError, resolveFieldKey } from '../../shared/ingest/header';
import type { AuditService } from '../../shared/service';
import { csvText, openTempService } from '../helpers';

// The issue's list, verbatim: what the engine must at least accept.
const ISSUE_ALIASES: Record<string, string[]> = {
  township: ['乡镇', '乡镇（街道）', '乡镇名称', '所属乡镇'],
  village: ['村', '村名', '村（居）', '村（社区）', '单位', '单位名称', '核算单位'],
  date: ['凭证日期', '日期', '记账日期', '业务日期'],
  voucher: ['凭证号', '凭证字号', '凭证编号'],
  voucherWord: ['凭证字', '凭证类别', '凭证类型'],
  summary: ['摘要', '分录摘要'],
  accountCode: ['科目编码', '科目代码', '科目编号'],
  accountName: ['科目名称', '会计科目', '科目'],
  debit: ['借方金额', '借方', '借方发生额'],
  credit: ['贷方金额', '贷方', '贷方发生额'],
  attachments: ['附件张数', '附件数', '附单据数', '单据张数'],
  receiptType: ['票据类型', '原始凭证类型'],
  counterparty: ['对方单位', '往来单位', '往来单位名称', '收款人', '收款单位', '对方户名', '客户', '供应商'],
  project: ['项目编号', '项目', '项目代码', '工程项目'],
  handler: ['经办人'],
  approver: ['审批人'],
};

const BASE: Record<string, string> = {
  township: '乡镇', village: '村', date: '凭证日期', voucher: '凭证号', summary: '摘要', accountCode: '科目编码', accountName: '科目名称',
  debit: '借方金额', credit: '贷方金额',
};

/** The base header with one field's column renamed (or added). */
function headerWith(field: string, name: string): string[] {
  const h = { ...BASE, [field]: name };
  return Object.values(h);
}

describe('ledger header aliases', () => {
  const cases = Object.entries(ISSUE_ALIASES).flatMap(([field, names]) => names.map((n) => [field, n] as const));

  it.each(cases)('%s: %s', (field, name) => {
    const headers = headerWith(field, name);
    const map = mapColumns(headers, { kind: 'ledger' });
    expect(map.byField[field as FieldId]).toBe(headers.indexOf(name));
    expect(map.missing).toEqual([]);
  });

  it.each(cases)('%s: %s, padded with ASCII and full-width spaces', (field, name) => {
    const headers = headerWith(field, name).map((h) => (h === name ? ` \u3000${h}\u3000 ` : h));
    const map = mapColumns(headers, { kind: 'ledger' });
    expect(map.byField[field as FieldId]).toBe(headers.findIndex((h) => h.trim() === name));
  });

  it('every issue alias is in the field table (nothing listed is missing)', () => {
    for (const [field, names] of Object.entries(ISSUE_ALIASES)) {
      const spec = LEDGER_FIELDS.find((f) => f.id === field);
      expect(spec, field).toBeDefined();
      for (const n of names) expect(spec?.aliases, `${field} ${n}`).toContain(n);
    }
  });

  it('a header that merely contains an alias is not that alias (exact match)', () => {
    const map = mapColumns(['乡镇', '村', '凭证日期', '凭证号', '摘要', '科目名称', '借方金额（元）', '贷方金额'], { kind: 'ledger' });
    expect(map.byField.debit).toBeUndefined();
    expect(map.missing).toContain('debit');
  });

  it('needs the account by code or by name', () => {
    const noName = mapColumns(['乡镇', '村', '凭证日期', '凭证号', '摘要', '科目编码', '借方', '贷方'], { kind: 'ledger' });
    expect(noName.missing).toEqual([]);
    const neither = mapColumns(['乡镇', '村', '凭证日期', '凭证号', '摘要', '借方', '贷方'], { kind: 'ledger' });
    expect(neither.missing).toEqual(['accountName']);
  });

  it('制单日期 is the date only when no other date column is present', () => {
    const only = mapColumns(['乡镇', '村', '制单日期', '凭证号', '摘要', '科目名称', '借方', '贷方'], { kind: 'ledger' });
    expect(only.byField.date).toBe(2);
    const both = mapColumns(['乡镇', '村', '制单日期', '凭证号', '摘要', '科目名称', '借方', '贷方', '记账日期'], { kind: 'ledger' });
    expect(both.byField.date).toBe(8);
  });
});

describe('project header aliases', () => {
  it('recognises the issue\'s project headers', () => {
    const headers = ['项目编号', '乡镇', '村', '项目名称', '施工单位', '合同金额', '合同工程量', '计量单位', '验收工程量', '实测工程量', '验收日期'];
    const map = mapColumns(headers, { kind: 'projects' });
    expect(map.missing).toEqual([]);
    expect(map.byField).toEqual({
      projectCode: 0, township: 1, village: 2, projectName: 3, contractor: 4, contractAmount: 5, contractQty: 6, unit: 7, acceptedQty: 8,
      measuredQty: 9, acceptedDate: 10,
    });
    expect(PROJECT_FIELDS.filter((f) => f.required).map((f) => f.id)).not.toContain('measuredQty');
  });
});

describe('--map keys', () => {
  it.each([
    ['field id', 'voucher'],
    ['Chinese label', '凭证号'],
    ['alias', '凭证编号'],
  ])('by %s', (_how, key) => {
    expect(resolveFieldKey('ledger', key)?.id).toBe('voucher');
    const map = mapColumns(['乡镇', '村', '日期', '凭证编码', '摘要', '科目', '借方', '贷方'], { kind: 'ledger', map: { [key]: '凭证编码' } });
    expect(map.byField.voucher).toBe(3);
    expect(map.missing).toEqual([]);
  });

  it('an unknown field or column is a mapping error, not a guess', () => {
    expect(() => mapColumns(['乡镇'], { kind: 'ledger', map: { 不存在: '乡镇' } })).toThrow(MappingError);
    expect(() => mapColumns(['乡镇'], { kind: 'ledger', map: { voucher: '没有这列' } })).toThrow(MappingError);
  });
});

describe('header finding and mapping through an import', () => {
  let service: AuditService;
  let dir: string;
  beforeEach(async () => {
    ({ service, dir } = await openTempService());
  });
  afterEach(() => service.closeWorkspace());

  const write = (name: string, rows: (string | number)[][]): string => {
    const p = join(dir, name);
    writeFileSync(p, csvText(rows));
    return p;
  };
  const lines = async (): Promise<{ township: string; village: string; voucher: string; date: string; line_no: number }[]> => {
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const info = await service.workspaceInfo();
    const db = new Database(info?.path ?? '', { readonly: true });
    try {
      return db.prepare('SELECT township, village, voucher, date, line_no FROM ledger_lines ORDER BY line_no').all() as never;
    } finally {
      db.close();
    }
  };

  it('finds the header after title lines (account set, period, 单位：元) and keeps line numbers', async () => {
    const path = write('titled.csv', [
      ['赵湾村 2018 年度 明细账'],
      ['期间：2018年01月至2018年12月', '', ''],
      ['单位：元'],
      [],
      ['乡镇', '村', '凭证日期', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额'],
      ['石板冲乡', '赵湾村', '2018-03-05', '记-1', '购办公用品', '541', '管理费用', '100.00', ''],
      ['石板冲乡', '赵湾村', '2018-03-05', '记-1', '购办公用品', '101', '现金', '', '100.00'],
      ['', '', '', '', '本月合计', '', '', '100.00', '100.00'],
    ]);
    const r = await service.importFile({ path, kind: 'ledger' });
    expect(r.status).toBe('imported');
    expect(r.rowsImported).toBe(2);
    expect(r.rowsSkipped).toBe(1);
    expect((await lines()).map((l) => l.line_no)).toEqual([6, 7]);
  });

  it('joins a voucher word column and the number as 记-15', async () => {
    const path = write('word.csv', [
      ['乡镇', '村', '日期', '凭证字', '凭证号', '摘要', '科目', '借方', '贷方'],
      ['石板冲乡', '赵湾村', '2018/3/5', '记', '15', '付电费', '管理费用', '10', ''],
      ['石板冲乡', '赵湾村', '2018/3/5', '记', '15', '付电费', '银行存款', '', '10'],
      ['石板冲乡', '赵湾村', '2018/3/6', '付', '16', '付水费', '管理费用', '5', ''],
      ['石板冲乡', '赵湾村', '2018/3/7', '记', '记-17', '付水费', '管理费用', '5', ''],
    ]);
    expect((await service.importFile({ path, kind: 'ledger' })).status).toBe('imported');
    expect((await lines()).map((l) => l.voucher)).toEqual(['记-15', '记-15', '付-16', '记-17']);
  });

  it('an unknown layout needs a mapping naming the missing fields and the headers found', async () => {
    const path = write('odd.csv', [
      ['乡镇', '村', '日期', '凭证编码', '说明', '科目', '借方', '贷方'],
      ['石板冲乡', '赵湾村', '2018-03-05', '记-1', '付电费', '管理费用', '10', ''],
    ]);
    const before = await service.workspaceInfo();
    const r = await service.importFile({ path, kind: 'ledger' });
    expect(r.status).toBe('needs-mapping');
    expect(r.missing.sort()).toEqual(['summary', 'voucher']);
    expect(r.headers).toEqual(['乡镇', '村', '日期', '凭证编码', '说明', '科目', '借方', '贷方']);
    expect(r.message).toContain('凭证号');
    expect(r.message).toContain('摘要');
    expect(r.message).toContain('凭证编码');
    expect(r.message).toContain('--map');
    expect(await service.workspaceInfo()).toEqual(before);

    const mapped = await service.importFile({ path, kind: 'ledger', map: { 凭证号: '凭证编码', summary: '说明' } });
    expect(mapped.status).toBe('imported');
    expect(mapped.rowsImported).toBe(1);
  });

  it('a file without a header row among its first rows needs a mapping', async () => {
    const path = write('noheader.csv', Array.from({ length: 40 }, (_, i) => ['a', String(i), 'b']));
    const r = await service.importFile({ path, kind: 'ledger' });
    expect(r.status).toBe('needs-mapping');
    expect((await service.workspaceInfo())?.files).toBe(0);
  });

  it('a file without township and village columns needs --township and --village; with them it imports', async () => {
    const path = write('onevillage.csv', [
      ['凭证日期', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '附件张数'],
      ['2018-03-05', '记-1', '购办公用品', '541', '管理费用', '100.00', '', '1'],
      ['2018-03-05', '记-1', '购办公用品', '101', '现金', '', '100.00', '1'],
    ]);
    const r = await service.importFile({ path, kind: 'ledger' });
    expect(r.status).toBe('needs-mapping');
    expect(r.missing.sort()).toEqual(['township', 'village']);
    expect(r.message).toContain('--township');
    const half = await service.importFile({ path, kind: 'ledger', township: '石板冲乡' });
    expect(half.status).toBe('needs-mapping');
    expect(half.missing).toEqual(['village']);
    expect((await service.workspaceInfo())?.files).toBe(0);
    const ok = await service.importFile({ path, kind: 'ledger', township: '石板冲乡', village: '赵湾村' });
    expect(ok.status).toBe('imported');
    expect((await lines()).map((l) => [l.township, l.village])).toEqual([['石板冲乡', '赵湾村'], ['石板冲乡', '赵湾村']]);
  });

  it('preview tells the header line, the matches and what is missing', async () => {
    const path = write('preview.csv', [
      ['单位：元'],
      ['乡镇名称', '核算单位', '记账日期', '凭证字号', '分录摘要', '科目代码', '会计科目', '借方', '贷方', '附单据数'],
      ['石板冲乡', '赵湾村', '2018年3月5日', '记-1', '付电费', '541', '管理费用', '1,234.50', '', '2'],
    ]);
    const p = await service.previewFile({ path, kind: 'ledger' });
    expect(p.headerLine).toBe(2);
    expect(p.missing).toEqual([]);
    expect(p.matches.map((m) => m.field)).toEqual(['township', 'village', 'date', 'voucher', 'summary', 'accountCode', 'accountName', 'debit', 'credit', 'attachments']);
    expect(p.rows[0]?.line).toBe(3);
    expect(p.alreadyImported).toBe(false);
  });
});
