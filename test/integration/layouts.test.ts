// The export layouts of issue 9, one fixture each (fixtures/layouts/, made by
// fixtures/layouts/generate.ts): every planted finding found with its vouchers, amount and source
// lines (and sheet) exactly, no look-alike flagged, and the import reporting what it did (format,
// rows, subtotals skipped, rows filled down, sheets). Then the same through the CLI, and the
// generator's reproducibility.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISTRICT_DIR, FILES } from '../../fixtures/district-files';
import { findingOrder, generate, LAYOUTS_DIR, type ExpectedFinding, type LayoutFixture, type Manifest, type SheetSummary } from '../../fixtures/layouts/generate';
import { runAudit } from '../../shared/cli-audit';
import type { FilePreview, Finding, ImportOptions, ImportResult } from '../../shared/contract';
import type { AuditService } from '../../shared/service';
import { openTempService, tempDir } from '../helpers';

const manifest = JSON.parse(readFileSync(join(LAYOUTS_DIR, 'manifest.json'), 'utf8')) as Manifest;
const cadresPath = join(DISTRICT_DIR, FILES.cadres);

function fixture(name: string): LayoutFixture {
  const f = manifest.fixtures.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name} in fixtures/layouts/manifest.json`);
  return f;
}
const expectedOf = (f: LayoutFixture): ExpectedFinding[] => JSON.parse(readFileSync(join(LAYOUTS_DIR, f.expected), 'utf8')) as ExpectedFinding[];
const pathOf = (file: string): string => join(LAYOUTS_DIR, file);
/**
 * The rules the layout fixtures plant (fixtures/layouts/model.ts): these fixtures check that every
 * layout reads into the same findings. The other rules have their own fixtures (fixtures/rules/)
 * and the sample district; what they make of these small ledgers (cash drawn nowhere, say) is not
 * what a layout is tested for.
 */
const PLANTED_RULES = new Set(['unreceipted', 'banned-hospitality', 'payment-exceeds-acceptance']);
const planted = <F extends { rule: string }>(fs: F[]): F[] => fs.filter((f) => PLANTED_RULES.has(f.rule));

// What issue 9 adds to the contract, typed here so this file compiles before and after it lands.
type LayoutResult = ImportResult & { format: string; sheets: SheetSummary[]; filledDown: number };
type LayoutPreview = FilePreview & { looksLike: 'ledger' | 'projects' | 'cadres' | null };
type Source = { file: string; line: number; sheet?: string };

/** A finding in the expected files' shape; `sheet` only where the source has one. */
function shape(f: Finding): ExpectedFinding {
  return {
    rule: f.rule, township: f.township, village: f.village, date: f.date, vouchers: f.vouchers, project: f.project, amount: f.amount,
    sources: (f.sources as Source[]).map((s) => ({ file: s.file, line: s.line, ...(s.sheet ? { sheet: s.sheet } : {}) })),
  };
}

function ledgerOptions(f: LayoutFixture): ImportOptions {
  return { path: pathOf(f.file), kind: 'ledger', ...f.options };
}

/** The sheets a workbook import reports; for a sheet without the header only its name and status. */
function sheetOutcomes(sheets: SheetSummary[]): Partial<SheetSummary>[] {
  return sheets.map((s) => (s.status === 'no-header' ? { name: s.name, status: s.status } : s));
}

/**
 * Imports a fixture (with its projects file and the district's roster where it has them) in
 * one batch, checks what the import reports, runs the rules and checks the findings exactly.
 */
async function audit(service: AuditService, f: LayoutFixture): Promise<{ result: LayoutResult; findings: Finding[] }> {
  const batch = await service.importBatch([
    ledgerOptions(f),
    ...(f.projects ? [{ path: pathOf(f.projects), kind: 'projects' as const }] : []),
  ], f.cadres ? [cadresPath] : []);
  const result = batch.results[0] as LayoutResult;
  const why = `${result?.message ?? ''}\n${(result?.errors ?? []).slice(0, 5).map((e) => `${e.file}:${e.line}:${e.column} ${e.message} (${e.found})`).join('\n')}`;
  expect(result?.status, why).toBe('imported');
  expect(batch.ok, JSON.stringify(batch.results.at(-1)?.message)).toBe(true);
  expect(result.errors).toEqual([]);
  expect(result.format).toBe(f.format);
  expect(result.rowsImported).toBe(f.rowsImported);
  expect(result.rowsSkipped).toBe(f.rowsSkipped);
  expect(result.filledDown).toBe(f.filledDown);
  if (f.sheets) expect(sheetOutcomes(result.sheets)).toEqual(sheetOutcomes(f.sheets));
  await service.runRules();
  const { rows } = await service.listFindings({ limit: 100_000 });
  expect(planted(rows).map(shape).sort(findingOrder)).toEqual(expectedOf(f));
  return { result, findings: planted(rows) };
}

describe('ledger layouts of issue 9', () => {
  let service: AuditService;
  beforeEach(async () => {
    ({ service } = await openTempService());
  });
  afterEach(() => service.closeWorkspace());

  it('xls-biff8.xls: a BIFF8 .xls with date cells, 凭证字 + 凭证号 as a number cell, amounts as number cells', async () => {
    const f = fixture('xls-biff8');
    const preview = (await service.previewFile(ledgerOptions(f))) as LayoutPreview;
    expect(preview.format).toBe('xls');
    expect(preview.sheets).toEqual(['序时簿']);
    expect(preview.matches.map((m) => m.field)).toEqual(expect.arrayContaining(['date', 'voucherWord', 'voucher', 'summary', 'accountCode', 'accountName', 'debit', 'credit', 'attachments']));
    const { findings } = await audit(service, f);
    // 凭证字 记 and the number cell 4 make 记-4; every source names the sheet.
    expect(findings.flatMap((x) => x.vouchers)).toEqual(expect.arrayContaining(['记-4', '记-6', '记-5']));
  });

  it('html-table.xls: an HTML table saved as .xls, title row and a two-row header with colspan/rowspan', async () => {
    const f = fixture('html-table');
    const preview = (await service.previewFile(ledgerOptions(f))) as LayoutPreview;
    expect(preview.format).toBe('html');
    expect(preview.matches.map((m) => m.field)).toEqual(expect.arrayContaining(['voucherWord', 'voucher', 'debit', 'credit', 'attachments']));
    const { findings } = await audit(service, f);
    // An HTML table has no sheet: sources are <tr> indexes alone.
    for (const x of findings) for (const s of x.sources as Source[]) expect(s.sheet).toBeUndefined();
  });

  it('merged-header.xlsx: a sparse title line (A2, H2) and a two-row merged header import without a crash', async () => {
    const f = fixture('merged-header');
    const preview = (await service.previewFile(ledgerOptions(f))) as LayoutPreview;
    expect(preview.matches.map((m) => m.field)).toEqual(expect.arrayContaining(['date', 'voucherWord', 'voucher', 'summary', 'accountCode', 'accountName', 'debit', 'credit', 'attachments']));
    expect(preview.missing).toEqual([]);
    await audit(service, f);
  });

  it('three-row-header.xlsx: 金额（元） over 发生额 over 借方/贷方, 会计科目 over 科目编码/科目名称', async () => {
    const f = fixture('three-row-header');
    const preview = (await service.previewFile(ledgerOptions(f))) as LayoutPreview;
    expect(preview.matches.map((m) => m.field)).toEqual(expect.arrayContaining(['date', 'voucher', 'summary', 'accountCode', 'accountName', 'debit', 'credit', 'attachments', 'counterparty']));
    const { findings } = await audit(service, f);
    // 凭证字号 kept as written, zeros and all.
    expect(findings.flatMap((x) => x.vouchers).sort()).toEqual(['记-011', '记-015']);
  });

  it('amount-direction.csv: 金额 + 方向 gives the same findings as separate debit and credit columns', async () => {
    await audit(service, fixture('amount-direction'));
  });

  it('amount-only.csv: 金额 without 方向 is not imported, and the advice never maps two fields to 金额', async () => {
    const path = pathOf(manifest.amountOnly);
    const r = await service.importFile({ path, kind: 'ledger' });
    expect(r.status).toBe('needs-mapping');
    expect((await service.workspaceInfo())?.files).toBe(0);
    for (const text of [r.message, r.messageEn]) expectNoDoubleMapping(text);
    expect(r.message).toContain('方向');

    const dir = tempDir('va-amount-only-');
    const workspace = join(dir, 'ws.sqlite');
    const cli = await runAudit({ ledgers: [path], projects: [], map: [], out: join(dir, 'out'), workspace });
    const stderr = cli.stderr.join('\n');
    expect(cli.exitCode, stderr).toBe(2);
    expect(stderr).toContain(manifest.amountOnly);
    expectNoDoubleMapping(stderr);
    expect(stderr).not.toMatch(/^\s*at .*:\d+:\d+\)?$/m);
  });

  it('account-path.csv: code + path in one 科目 column; [10201]农商银行 is bank, 管理费用\\招待费 is hospitality', async () => {
    const { findings } = await audit(service, fixture('account-path'));
    // Paid from [10201]农商银行 with no attachment: found only if the bracketed code makes it bank.
    expect(findings.find((x) => x.rule === 'unreceipted' && x.date === '2018-04-11')?.amount).toBe('3200.00');
    // Summaries that say nothing: found through the account path alone.
    expect(findings.filter((x) => x.rule === 'banned-hospitality').map((x) => x.amount).sort()).toEqual(['1280.00', '880.00']);
  });

  it('field-aliases.csv / field-aliases-2.csv: 字号, 附件, 凭证字号, 附单据数 recognised; 制单人, 审核人, 记账人 kept', async () => {
    const a = fixture('field-aliases');
    const pa = await service.previewFile(ledgerOptions(a));
    expect(pa.matches).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'voucher', header: '字号' }),
      expect.objectContaining({ field: 'attachments', header: '附件' }),
      expect.objectContaining({ field: 'preparer', header: '制单人' }),
      expect.objectContaining({ field: 'checker', header: '审核人' }),
      expect.objectContaining({ field: 'bookkeeper', header: '记账人' }),
    ]));
    await audit(service, a);

    const b = fixture('field-aliases-2');
    const pb = await service.previewFile(ledgerOptions(b));
    expect(pb.matches).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'voucher', header: '凭证字号' }),
      expect.objectContaining({ field: 'attachments', header: '附单据数' }),
      expect.objectContaining({ field: 'preparer', header: '制单人' }),
      expect.objectContaining({ field: 'checker', header: '审核人' }),
      expect.objectContaining({ field: 'bookkeeper', header: '记账人' }),
    ]));
    const other = await openTempService();
    try {
      await audit(other.service, b);
    } finally {
      await other.service.closeWorkspace();
    }
  });

  it('monthly-sheets.xlsx: every month sheet imported (not just January), 说明 skipped, sources carry the sheet', async () => {
    const f = fixture('monthly-sheets');
    const { findings } = await audit(service, f);
    expect(new Set(findings.flatMap((x) => (x.sources as Source[]).map((s) => s.sheet)))).toEqual(new Set(['3月', '7月', '11月']));
    // 3月 记-1 and 11月 记-1 are two findings: numbers restart monthly.
    expect(new Set(findings.map((x) => x.id)).size).toBe(findings.length);

    // --sheet still reads the one sheet asked for.
    const one = await openTempService();
    try {
      const r = (await one.service.importFile({ ...ledgerOptions(f), sheet: '3月' })) as LayoutResult;
      expect(r.status, r.message).toBe('imported');
      expect(r.rowsImported).toBe(f.sheets?.find((s) => s.name === '3月')?.rows);
    } finally {
      await one.service.closeWorkspace();
    }
  });

  it('village-sheets.xlsx: one sheet per village, the summary sheet without the header skipped', async () => {
    const { findings } = await audit(service, fixture('village-sheets'));
    expect(new Set(findings.map((x) => x.village))).toEqual(new Set(['赵湾村', '石板冲村', '观山村']));
  });

  it('township-entities.csv: 核算单位 names are villages (赵湾村), entities keep their own vouchers, projects and the roster join', async () => {
    const f = fixture('township-entities');
    const { findings } = await audit(service, f);
    expect(new Set(findings.map((x) => x.village))).toEqual(new Set(['赵湾村', '石板冲村']));

    // The committee's 记-1 and the cooperative's 记-1 of the same day are two vouchers: the
    // committee's (no attachment) is a finding of its own two lines; the cooperative's (with its
    // invoices) is in no finding.
    const lines = readFileSync(pathOf(f.file), 'utf8').split('\r\n');
    const at = (prefix: string): number[] => lines.flatMap((l, i) => (l.startsWith(prefix) ? [i + 1] : []));
    const committee = at('石板冲乡,赵湾村村民委员会,2018-01-08,记-1,');
    const cooperative = at('石板冲乡,赵湾村经济合作社,2018-01-08,记-1,');
    expect(committee).toHaveLength(2);
    expect(cooperative).toHaveLength(2);
    const u = findings.find((x) => x.rule === 'unreceipted' && x.date === '2018-01-08')!;
    expect(u.sources.map((s) => s.line)).toEqual(committee);
    const cited = findings.flatMap((x) => x.sources.filter((s) => s.file === f.file).map((s) => s.line));
    for (const line of cooperative) expect(cited).not.toContain(line);
    expect((await service.getFinding({ id: u.id })).lines).toHaveLength(2);

    // 裕民路: paid in full, measured 200 m short; the project file names 赵湾村.
    const road = findings.find((x) => x.rule === 'payment-exceeds-acceptance')!;
    expect(road).toMatchObject({ village: '赵湾村', project: 'KF2017-003', amount: '46200.00' });

    // The roster joins on the village: the lead names 赵湾村's officers in office at the time.
    await service.reviewFindings({ ids: findings.map((x) => x.id), decision: 'confirmed', reviewer: '张审计', note: '已调阅纸质凭证' });
    await service.buildCaseLeads({ actor: '张审计' });
    const leads = await service.listCaseLeads({});
    const lead = leads.find((l) => l.problem.includes('裕民路'))!;
    expect(lead).toBeDefined();
    expect(lead.village).toBe('赵湾村');
    expect(lead.amount).toBe('46200.00');
    expect(lead.persons.map((p) => p.name)).toEqual(['赵某某', '李某某', '沈某某']);
    expect(lead.personNames).not.toContain('钱某某');
    for (const l of leads) expect(['赵湾村', '石板冲村']).toContain(l.village);
    expect(leads.every((l) => l.persons.length > 0)).toBe(true);
  });

  it('excel-text-cells.csv: ="0015" and ="记-0016" are 记-0015 and 记-0016, ="101" is cash', async () => {
    const { findings } = await audit(service, fixture('excel-text-cells'));
    expect(findings.flatMap((x) => x.vouchers).sort()).toEqual(['记-0015', '记-0016']);
    for (const x of findings) {
      for (const s of [x.reason, x.reasonEn, ...x.vouchers]) expect(s).not.toContain('="');
      const d = await service.getFinding({ id: x.id });
      for (const l of d.lines) {
        expect(l.voucher).toMatch(/^记-\d{4}$/);
        expect(l.accountCode).toMatch(/^\d+$/);
      }
    }
  });

  it('fullwidth-filldown.csv: １，２３４．５０, - for zero, serials as text, date and number filled down within a voucher', async () => {
    const f = fixture('fullwidth-filldown');
    expect(f.filledDown).toBeGreaterThan(0);
    const { result, findings } = await audit(service, f);
    expect(result.filledDown).toBeGreaterThan(0);
    // 43165 is 2018-03-06; the three-line voucher's hospitality is its one matching debit.
    expect(findings.find((x) => x.rule === 'unreceipted')).toMatchObject({ date: '2018-03-06', amount: '4500.00' });
    expect(findings.find((x) => x.rule === 'banned-hospitality')).toMatchObject({ amount: '760.00' });
    expect(findings.find((x) => x.rule === 'banned-hospitality')?.sources).toHaveLength(3);
  });

  it('utf16-unicode.txt: Excel\'s Unicode text (UTF-16LE with BOM, tabs, CRLF) is detected', async () => {
    const f = fixture('utf16-unicode');
    const preview = (await service.previewFile(ledgerOptions(f))) as LayoutPreview;
    expect(preview.encoding).toBe('utf-16le');
    expect(preview.format).toBe('csv');
    expect(preview.missing).toEqual([]);
    await audit(service, f);
  });
});

/** The header of amount-only.csv (its second line, under the title). */
const amountOnlyHeaders = (): string[] => (readFileSync(pathOf(manifest.amountOnly), 'utf8').replace(/^\ufeff/, '').split('\r\n')[1] ?? '').split(',');

function expectNoDoubleMapping(text: string): void {
  expect(text).not.toContain('--map 借方金额=金额 --map 贷方金额=金额');
  // However the advice is worded: no column of the file is offered to two fields (a
  // placeholder such as 列名 is not a column).
  const headers = amountOnlyHeaders();
  expect(headers).toContain('金额');
  const columns = [...text.matchAll(/--map\s+([^=\s]+)=([^\s，。；,;)）]+)/g)].map((m) => m[2] as string).filter((c) => headers.includes(c));
  expect(columns.length, text).toBe(new Set(columns).size);
}

describe('ledger layouts through the CLI (npm run cli -- audit)', () => {
  const key = (f: { rule: string; township: string; village: string; date: string; vouchers: string[]; project: string | null; amount: string; sources: { file: string; line: number }[] }): string =>
    [f.rule, f.township, f.village, f.date, f.vouchers.join('|'), f.project ?? '', f.amount, f.sources.map((s) => `${s.file}:${s.line}`).join(' ')].join(' ');

  it.each(manifest.fixtures.map((f) => [f.file, f] as const))('%s: exit 0 and findings.json holds exactly the expected findings', async (_file, f) => {
    const dir = tempDir('va-layout-cli-');
    const r = await runAudit({
      ledgers: [pathOf(f.file)], projects: f.projects ? [pathOf(f.projects)] : [], cadres: f.cadres ? [cadresPath] : [], map: [],
      out: join(dir, 'out'), workspace: join(dir, 'ws.sqlite'), township: f.options.township, village: f.options.village,
    });
    expect(r.exitCode, r.stderr.join('\n')).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'out', 'findings.json'), 'utf8')) as ExpectedFinding[];
    expect(planted(written).map(key).sort()).toEqual(expectedOf(f).map(key).sort());
  });
});

// ---- the generator ----

/** A workbook's content without the zip's timestamps: sheet names, every cell's value, merges. */
function workbookCells(path: string): unknown {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] as XLSX.WorkSheet;
    return {
      name,
      ref: ws['!ref'],
      merges: (ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort(),
      rows: XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, blankrows: true, defval: null }),
    };
  });
}

describe('fixtures/layouts', () => {
  it('is reproduced by fixtures/layouts/generate.ts: text files byte for byte, workbooks cell for cell', async () => {
    const dir = tempDir('va-layouts-');
    await generate(dir);
    const committed = readdirSync(LAYOUTS_DIR).filter((n) => !n.endsWith('.ts')).sort();
    expect(readdirSync(dir).sort()).toEqual(committed);
    const workbooks = new Set(manifest.fixtures.filter((f) => f.format === 'xls' || f.format === 'xlsx').map((f) => f.file));
    expect(workbooks.size).toBeGreaterThanOrEqual(5);
    for (const name of committed) {
      if (workbooks.has(name)) expect(workbookCells(join(dir, name)), name).toEqual(workbookCells(join(LAYOUTS_DIR, name)));
      else expect(readFileSync(join(dir, name)).equals(readFileSync(join(LAYOUTS_DIR, name))), name).toBe(true);
    }
  });

  it('plants an unreceipted and a hospitality finding in every fixture, with two look-alikes or more around them', () => {
    for (const f of manifest.fixtures) {
      const rules = new Set(expectedOf(f).map((e) => e.rule));
      expect(rules.has('unreceipted') && rules.has('banned-hospitality'), f.file).toBe(true);
      expect(f.lookAlikes.length, f.file).toBeGreaterThanOrEqual(2);
      expect(f.rowsImported, f.file).toBeGreaterThanOrEqual(30);
      expect(f.rowsImported, f.file).toBeLessThanOrEqual(150);
    }
    expect(expectedOf(fixture('township-entities')).find((e) => e.project === 'KF2017-003')?.amount).toBe('46200.00');
  });

  it('writes the files as the layouts say: real BIFF8, UTF-16LE with BOM, HTML, ="…" cells, full-width amounts', () => {
    const bytes = (file: string): Buffer => readFileSync(pathOf(file));
    expect(bytes('xls-biff8.xls').subarray(0, 8).toString('hex')).toBe('d0cf11e0a1b11ae1'); // an OLE/CFB container
    expect(XLSX.read(bytes('xls-biff8.xls'), { type: 'buffer' }).Sheets['序时簿']?.A4?.t).toBe('n'); // a date cell (a formatted number)
    expect([...bytes('utf16-unicode.txt').subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const utf16 = bytes('utf16-unicode.txt').toString('utf16le');
    expect(utf16.split('\r\n')[0]?.split('\t')).toContain('凭证号');
    const html = bytes('html-table.xls').toString('utf8');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('colspan="2">凭证</td>');
    expect(bytes('excel-text-cells.csv').toString('utf8')).toContain(',记,="0015",');
    const fw = bytes('fullwidth-filldown.csv').toString('utf8');
    expect(fw).toContain('４，５００．００');
    expect(fw).toContain(',43165,');
    expect(bytes('amount-only.csv').toString('utf8')).not.toContain('方向');
  });
});
