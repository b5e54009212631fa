// The import screen with the field's layouts (issue 9), end to end in Chromium over a real
// engine: a workbook's merged two-row header under title lines, a file picked as the wrong kind,
// an encoding chosen by hand, a recognised column re-mapped, and a rejected file's error list
// saved as a file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISTRICT_DIR, FILES } from '../../fixtures/district-files';
import { LAYOUTS_DIR } from '../../fixtures/layouts/generate';
import { district } from '../helpers';
import { newWorkspace, type AppSession } from './harness';
import { appSuite } from './suite';

const app = appSuite();
let session: AppSession;

/** Picks an option of an antd Select by its visible title. */
async function choose(s: AppSession, testId: string, title: string): Promise<void> {
  await s.page.getByTestId(testId).click();
  await s.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

describe('import screen: field layouts', () => {
  it('reads a workbook whose two-row merged header sits under sparse title lines, with the place given', async () => {
    session = await app.open();
    const { page, service } = session;
    await newWorkspace(session);
    session.shell.files = [join(LAYOUTS_DIR, 'merged-header.xlsx')];
    await page.getByTestId('pick-ledger').click();
    await expect.poll(() => page.getByTestId('preview-header-line').textContent()).toBe('3–4');
    expect(await page.getByTestId('preview-format').textContent()).toContain('.xlsx');
    await page.getByTestId('mapping-form').waitFor();
    await page.getByTestId('place-township').fill('石板冲乡');
    await page.getByTestId('place-village').fill('观山村');
    await page.getByTestId('mapping-apply').click();
    await page.getByTestId('mapping-form').waitFor({ state: 'detached' });
    // The combined header names: 凭证 over 字/号, 科目 over 编码/名称, 金额 over 借方/贷方.
    const field = (header: string) => page.getByTestId('preview-table').locator(`thead [data-header="${header}"]`).getAttribute('data-field');
    await expect.poll(() => field('凭证字')).toBe('voucherWord');
    expect([await field('凭证号'), await field('科目编码'), await field('科目名称')]).toEqual(['voucher', 'accountCode', 'accountName']);
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-result').getAttribute('data-status')).toBe('imported');
    expect((await service.workspaceInfo())?.lines).toBe(42);
  });

  it('tells that a project file or the roster picked as a ledger belongs elsewhere, and takes it there', async () => {
    session = await app.open();
    const { page, service } = session;
    await newWorkspace(session);
    session.shell.files = [join(DISTRICT_DIR, FILES.projects), join(DISTRICT_DIR, FILES.cadres)];
    await page.getByTestId('pick-ledger').click();
    const cards = page.getByTestId('import-file');
    await expect.poll(() => page.getByTestId('wrong-kind').count()).toBe(2);
    expect(await cards.nth(0).getByTestId('wrong-kind').textContent()).toContain('项目文件');
    expect(await cards.nth(1).getByTestId('wrong-kind').textContent()).toContain('村干部名册');
    expect(await cards.nth(0).getByTestId('import-start').isDisabled()).toBe(true);
    // The project file is read again as projects and imported as such.
    await cards.nth(0).getByTestId('wrong-kind-action').click();
    await expect.poll(() => cards.nth(0).getByTestId('wrong-kind').count()).toBe(0);
    await cards.nth(0).getByTestId('import-start').click();
    await expect.poll(() => cards.nth(0).getByTestId('import-result').getAttribute('data-status')).toBe('imported');
    expect((await service.listFiles()).map((f) => f.kind)).toEqual(['projects']);
    // The roster goes to the officers' roster in one click.
    await page.getByTestId('import-file').filter({ hasText: FILES.cadres }).getByTestId('wrong-kind-action').click();
    await expect.poll(async () => (await service.listCadres({})).length).toBeGreaterThan(10);
  });

  it('lets the encoding be chosen by hand, and says which one would work when the choice is wrong', async () => {
    session = await app.open();
    const { page } = session;
    await newWorkspace(session);
    session.shell.files = [district.shibanchong];
    await page.getByTestId('pick-ledger').click();
    await expect.poll(() => page.getByTestId('preview-encoding').textContent()).toBe('GB18030');
    await choose(session, 'preview-encoding-select', 'UTF-8');
    await expect.poll(() => page.getByTestId('preview-problem').textContent()).toContain('--encoding gb18030');
    expect(await page.getByTestId('import-start').isDisabled()).toBe(true);
    await choose(session, 'preview-encoding-select', '自动识别');
    await expect.poll(() => page.getByTestId('preview-problem').count()).toBe(0);
    await expect.poll(() => page.getByTestId('preview-encoding').textContent()).toBe('GB18030');
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-result').getAttribute('data-status')).toBe('imported');
  });

  it('re-maps a recognised column, and saves a rejected file\'s every error as a CSV', async () => {
    session = await app.open();
    const { page, service } = session;
    await newWorkspace(session);
    const file = join(session.dir, 'two-payees.csv');
    writeFileSync(file, [
      '乡镇,村,凭证日期,凭证号,摘要,科目名称,借方金额,贷方金额,附件张数,对方单位,收款人',
      '城南镇,城南村,2018-03-05,记-1,付绿化苗木款,其他支出,4500.00,,1,城南村委会,城南苗圃',
      '城南镇,城南村,2018-03-05,记-1,付绿化苗木款,银行存款,,4500.00,,城南村委会,城南苗圃',
      '城南镇,城南村,2018-03-32,记-2,付材料款,其他支出,12x.50,,1,,',
    ].join('\n'));
    session.shell.files = [file];
    await page.getByTestId('pick-ledger').click();
    const recognised = (col: string) => page.getByTestId('preview-table').locator(`thead [data-header="${col}"]`).getAttribute('data-recognised');
    await expect.poll(() => recognised('对方单位')).toBe('yes');
    expect(await recognised('收款人')).toBe('no');
    // The counterparty is really the payee: re-map it.
    await page.getByTestId('column-editor').locator('.ant-collapse-header').click();
    await choose(session, 'column-counterparty', '收款人');
    await page.getByTestId('columns-apply').click();
    await expect.poll(() => recognised('收款人')).toBe('yes');
    expect(await recognised('对方单位')).toBe('no');
    // The bad row makes the import rejected; its errors are saved with file, line and column.
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-result').getAttribute('data-status')).toBe('rejected');
    session.shell.saveFile = join(session.dir, 'errors.csv');
    await page.getByTestId('save-errors').click();
    await expect.poll(() => existsSync(join(session!.dir, 'errors.csv'))).toBe(true);
    const saved = readFileSync(join(session.dir, 'errors.csv'), 'utf8');
    expect(saved.startsWith('\ufeff"文件"')).toBe(true);
    expect(saved).toContain('"two-payees.csv","","4","3"');
    expect(saved).toContain('日期无法识别');
    expect(saved).toContain('金额无法识别');
    expect((await service.workspaceInfo())?.lines).toBe(0);
  });
});
