// Files that must never import silently wrong or end in a stack trace (issue 9): rows wider or
// narrower than the header, damaged, renamed, encrypted and hostile workbooks (zip bombs, huge
// shared-string tables), a device instead of a file, and a roster or projects file picked as a
// ledger. Each is refused with a message naming the file, through the service and the CLI
// (exit 2, nothing on stderr that looks like a stack, no workspace left behind). The files are
// made here, in a temp dir, from the layout fixtures and fixtures/layouts/zip.ts.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISTRICT_DIR, FILES } from '../../fixtures/district-files';
import { LAYOUTS_DIR } from '../../fixtures/layouts/generate';
import { rng } from '../../fixtures/layouts/model';
import { entry, repeatedEntry, sharedStringSheet, workbookParts, zip } from '../../fixtures/layouts/zip';
import { runAudit } from '../../shared/cli-audit';
import type { FilePreview, ImportResult } from '../../shared/contract';
import type { AuditService } from '../../shared/service';
import { csvText, openTempService, tempDir } from '../helpers';

type Preview = FilePreview & { looksLike: 'ledger' | 'projects' | 'cadres' | null };

/** A V8 stack frame: `    at fn (file.ts:12:5)` or `    at file.ts:12:5`. */
const STACK_FRAME = /^\s*at .*(\(.*:\d+:\d+\)|:\d+:\d+)\s*$/m;
const JS_ERROR = /\b(TypeError|RangeError|ReferenceError|SyntaxError|ERR_[A-Z_]+)\b/;

/** The CLI refuses the ledger: exit 2, the file named, no stack, no findings, and the workspace it would have created not left behind. */
async function refusedByCli(path: string): Promise<string> {
  const dir = tempDir('va-bad-cli-');
  const workspace = join(dir, 'ws.sqlite');
  const out = join(dir, 'out');
  const r = await runAudit({ ledgers: [path], projects: [], map: [], out, workspace });
  const stderr = r.stderr.join('\n');
  expect(r.exitCode, stderr).toBe(2);
  expect(stderr).toContain(basename(path));
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(stderr).not.toMatch(JS_ERROR);
  for (const f of [workspace, `${workspace}-wal`, `${workspace}-shm`]) expect(existsSync(f), f).toBe(false);
  expect(existsSync(join(out, 'findings.json'))).toBe(false);
  return stderr;
}

/** The service refuses it: status rejected, the file named, nothing written. */
async function rejectedByService(service: AuditService, path: string): Promise<ImportResult> {
  const r = await service.importFile({ path, kind: 'ledger' });
  expect(r.status, r.message).toBe('rejected');
  expect(r.message).toContain(basename(path));
  expect(`${r.message}\n${r.messageEn}`).not.toMatch(STACK_FRAME);
  expect(`${r.message}\n${r.messageEn}`).not.toMatch(JS_ERROR);
  expect(await service.workspaceInfo()).toMatchObject({ files: 0, lines: 0 });
  return r;
}

const HEADER = ['乡镇', '村', '凭证日期', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '附件张数'];

describe('bad files', () => {
  let service: AuditService;
  let dir: string;
  beforeEach(async () => {
    ({ service } = await openTempService());
    dir = tempDir('va-bad-');
  });
  afterEach(() => service.closeWorkspace());

  it('a data row with more cells than the header is a row error at its line, and nothing is imported', async () => {
    const path = join(dir, 'wide.csv');
    // Line 3: an amount written without quotes, 1,234.50, pushes every cell after it one column right.
    writeFileSync(path, csvText([HEADER,
      ['石板冲乡', '赵湾村', '2018-03-05', '记-1', '付村部电费', '54105', '管理费用-水电费', '1,234.50', '', '1'],
    ]) + '石板冲乡,赵湾村,2018-03-05,记-1,付村部电费,102,银行存款,,1,234.50,1\n' + csvText([
      ['石板冲乡', '赵湾村', '2018-03-06', '记-2', '购办公用品', '54101', '管理费用-办公费', '100.00', '', '1'],
      ['石板冲乡', '赵湾村', '2018-03-06', '记-2', '购办公用品', '101', '现金', '', '100.00', '1'],
    ]));
    const r = await rejectedByService(service, path);
    const e = r.errors.find((x) => x.code === 'row.width');
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e).toMatchObject({ file: 'wide.csv', line: 3 });
    expect(r.errors.every((x) => x.line === 3)).toBe(true);
    const said = `${e?.message} ${e?.messageEn} ${e?.expected} ${e?.found}`;
    expect(said).toContain('10');
    expect(said).toContain('11');
    expect(await refusedByCli(path)).toContain('wide.csv:3:');
  });

  it('a file cut mid-row (its last line short, no newline) is a row error, not a truncated import', async () => {
    const path = join(dir, 'cut.csv');
    writeFileSync(path, csvText([HEADER,
      ['石板冲乡', '赵湾村', '2018-03-05', '记-1', '付村部电费', '54105', '管理费用-水电费', '200.00', '', '1'],
      ['石板冲乡', '赵湾村', '2018-03-05', '记-1', '付村部电费', '102', '银行存款', '', '200.00', '1'],
    ]) + '石板冲乡,赵湾村,2018-03-06,记-2,购办公用品,54101');
    const r = await rejectedByService(service, path);
    const e = r.errors.find((x) => x.code === 'row.width');
    expect(e, JSON.stringify(r.errors)).toMatchObject({ file: 'cut.csv', line: 4 });
    const said = `${e?.message} ${e?.messageEn} ${e?.expected} ${e?.found}`;
    expect(said).toContain('10');
    expect(said).toContain('6');
    expect(await refusedByCli(path)).toContain('cut.csv:4:');
  });

  it('random bytes named .xlsx', async () => {
    const r = rng(20180306);
    const path = join(dir, 'random.xlsx');
    writeFileSync(path, Buffer.from(Array.from({ length: 4096 }, () => Math.floor(r() * 256))));
    await rejectedByService(service, path);
    await refusedByCli(path);
  });

  it('a real .xlsx cut short (its central directory lost)', async () => {
    const whole = readFileSync(join(LAYOUTS_DIR, 'merged-header.xlsx'));
    const path = join(dir, 'truncated.xlsx');
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await rejectedByService(service, path);
    await refusedByCli(path);
  });

  it('a CSV renamed .xlsx (not a zip) is refused with a clear message', async () => {
    const path = join(dir, 'renamed.xlsx');
    writeFileSync(path, readFileSync(join(LAYOUTS_DIR, 'account-path.csv')));
    const r = await rejectedByService(service, path);
    expect(r.message).toMatch(/xlsx/i);
    await refusedByCli(path);
  });

  it('an encrypted workbook (an OLE container with EncryptionInfo and EncryptedPackage) is refused as encrypted', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    // Agile encryption (version 4.4): the version, reserved 0x40, then the XML descriptor.
    const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">' +
      '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>', 'utf8')]);
    const pkg = Buffer.alloc(4104, 0x5a);
    pkg.writeUInt32LE(4096, 0);
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptionInfo', info);
    XLSX.CFB.utils.cfb_add(cfb, 'EncryptedPackage', pkg);
    const path = join(dir, 'encrypted.xlsx');
    writeFileSync(path, XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    const r = await rejectedByService(service, path);
    expect(r.message).toMatch(/加密|密码/);
    expect(await refusedByCli(path)).toMatch(/加密|密码/);
  });

  it('a zip bomb: a sheet that inflates to 200 MB of zeros', async () => {
    const bomb = await repeatedEntry('xl/worksheets/sheet1.xml', '', Buffer.alloc(1 << 20), 200, '');
    expect(bomb.deflated.length).toBeLessThan(1 << 20);
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, zip([...workbookParts(), bomb]));
    await rejectedByService(service, path);
    await refusedByCli(path);
  });

  it('a zip bomb whose headers lie: 200 MB declared as 2 KB', async () => {
    const bomb = await repeatedEntry('xl/worksheets/sheet1.xml', '', Buffer.alloc(1 << 20), 200, '');
    const path = join(dir, 'bomb-lying.xlsx');
    writeFileSync(path, zip([...workbookParts(), { ...bomb, declaredSize: 2048 }]));
    await rejectedByService(service, path);
    await refusedByCli(path);
  });

  it('a workbook whose shared-string table is huge (70 MB uncompressed)', async () => {
    const si = Buffer.from('<si><t>村级财务审计助手共享字符串</t></si>'.repeat(1000), 'utf8');
    const times = Math.ceil(70e6 / si.length);
    const sst = await repeatedEntry('xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${times * 1000}" uniqueCount="${times * 1000}">`,
      si, times, '</sst>');
    expect(sst.size).toBeGreaterThan(64 * 1024 * 1024);
    const path = join(dir, 'shared-strings.xlsx');
    writeFileSync(path, zip([...workbookParts({ sharedStrings: true }), sharedStringSheet(3), sst]));
    await rejectedByService(service, path);
    await refusedByCli(path);
  });

  it('the hostile-workbook builders make real workbooks when the content is small', () => {
    // The same parts with a tiny table read fine: the refusals above are for the size, not the zip.
    const sst = entry('xl/sharedStrings.xml', '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>凭证号</t></si><si><t>摘要</t></si><si><t>借方金额</t></si></sst>');
    const wb = XLSX.read(zip([...workbookParts({ sharedStrings: true }), sharedStringSheet(3), sst]), { type: 'buffer' });
    expect(XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet, { header: 1 })).toEqual([['凭证号', '摘要', '借方金额']]);
  });

  it('/dev/zero given as a ledger is refused at once as not a regular file', async () => {
    const r = await rejectedByService(service, '/dev/zero');
    expect(`${r.message} ${r.messageEn}`).toMatch(/普通文件|regular file/);
  }, 5_000);

  it('a ledger.csv that is a link to /dev/zero is refused at once too: the file type, not the extension, decides', async () => {
    const link = join(dir, 'zero.csv');
    symlinkSync('/dev/zero', link);
    const r = await rejectedByService(service, link);
    expect(`${r.message} ${r.messageEn}`).toMatch(/普通文件|regular file/);
  }, 5_000);

  it('a folder named like a ledger is not a regular file either', async () => {
    const folder = join(dir, '账簿.csv');
    mkdirSync(folder);
    const r = await rejectedByService(service, folder);
    expect(`${r.message} ${r.messageEn}`).toMatch(/普通文件|regular file/);
  }, 5_000);

  it('/dev/zero through the CLI: exit 2 at once', async () => {
    expect(await refusedByCli('/dev/zero')).toMatch(/普通文件|regular file/);
  }, 5_000);

  it('the projects file picked as a ledger is recognised and the user told where it belongs', async () => {
    const path = join(DISTRICT_DIR, FILES.projects);
    const p = (await service.previewFile({ path, kind: 'ledger' })) as Preview;
    expect(p.looksLike).toBe('projects');
    const r = await service.importFile({ path, kind: 'ledger' });
    expect(['needs-mapping', 'rejected']).toContain(r.status);
    expect(r.message).toContain(basename(path));
    expect(r.message).toContain('项目');
    expect(await service.workspaceInfo()).toMatchObject({ files: 0, lines: 0 });
    expect(await refusedByCli(path)).toContain('项目');
  });

  it('the officers\' roster picked as a ledger is recognised and the user told where it belongs', async () => {
    const path = join(DISTRICT_DIR, FILES.cadres);
    const p = (await service.previewFile({ path, kind: 'ledger' })) as Preview;
    expect(p.looksLike).toBe('cadres');
    const r = await service.importFile({ path, kind: 'ledger' });
    expect(['needs-mapping', 'rejected']).toContain(r.status);
    expect(r.message).toContain(basename(path));
    expect(r.message).toContain('村干部名册');
    expect(await service.workspaceInfo()).toMatchObject({ files: 0, lines: 0 });
    expect(await refusedByCli(path)).toContain('村干部名册');
  });
});
