// The review UI end to end: the built renderer in Chromium over a real engine and workspace.
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Finding } from '../../shared/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { district } from '../helpers';
import { buildRenderer, gate, launchBrowser, openApp, serveDir, type AppSession } from './harness';

let browser: Browser;
let server: Server;
let url: string;
let session: AppSession | null = null;

beforeAll(async () => {
  const dir = await buildRenderer();
  ({ url, server } = await serveDir(dir));
  browser = await launchBrowser();
});

afterEach(async () => {
  const errors = session?.errors ?? [];
  await session?.close();
  session = null;
  // React and antd warnings, CSP violations and uncaught exceptions all fail the test.
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function newWorkspace(s: AppSession): Promise<void> {
  s.shell.workspace = join(s.dir, 'audit.sqlite');
  await s.page.getByTestId('ws-create').click();
  await s.page.getByTestId('pick-ledger').waitFor();
}

async function openSample(s: AppSession): Promise<void> {
  await s.page.getByTestId('ws-sample').click();
  await s.page.getByTestId('overview').waitFor();
}

describe('import wizard', () => {
  it('imports the GB18030 ledger with a preview, progress and a result, then runs the rules', async () => {
    session = await openApp({ browser, url });
    const { page } = session;
    await newWorkspace(session);
    session.shell.files = [district.shibanchong];
    await page.getByTestId('pick-ledger').click();
    await expect.poll(() => page.getByTestId('preview-encoding').textContent()).toBe('GB18030');
    expect(Number(await page.getByTestId('preview-header-line').textContent())).toBeGreaterThan(0);
    expect(await page.locator('[data-recognised="yes"]').count()).toBeGreaterThanOrEqual(8);
    await expect.poll(() => page.getByTestId('preview-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(3);

    const hold = gate();
    session.holdImport = hold.promise;
    await page.getByTestId('import-start').click();
    const progress = page.getByTestId('import-progress-text');
    await expect.poll(async () => /已读 [\d,]{3,} 行/.test((await progress.textContent()) ?? '')).toBe(true);
    await expect.poll(() => page.getByTestId('import-progress').getAttribute('data-percent')).toBe('100');
    hold.open();

    const result = page.getByTestId('import-result');
    await expect.poll(() => result.getAttribute('data-status')).toBe('imported');
    const imported = (await session.service.listFiles())[0]?.rowsImported ?? 0;
    expect(imported).toBeGreaterThan(1000);
    expect(await result.textContent()).toContain(`已导入 ${imported.toLocaleString('en-US')} 行`);
    await page.getByTestId('rules-summary').waitFor();
    expect(await page.getByTestId('rules-summary').textContent()).toMatch(/检查完成：\d+ 个疑点/);
    expect(session.calls).toContain('runRules');
  });

  it('shows every row error of a malformed file with file:line:column and imports nothing', async () => {
    session = await openApp({ browser, url });
    const { page } = session;
    await newWorkspace(session);
    const bad = join(session.dir, 'bad-ledger.csv');
    writeFileSync(bad, [
      '乡镇,村,凭证日期,凭证号,摘要,科目编码,科目名称,借方金额,贷方金额,附件张数',
      '城南镇,城南村,2018-03-05,1,购办公用品,54101,管理费用,120.00,,2',
      '城南镇,城南村,2018-13-45,2,付水电费,54101,管理费用,80.00,,1',
      '城南镇,城南村,2018-03-07,3,付材料款,54101,管理费用,12x.5,,1',
    ].join('\n'));
    session.shell.files = [bad];
    await page.getByTestId('pick-ledger').click();
    await page.getByTestId('import-start').click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.getAttribute('data-status')).toBe('rejected');
    const places = await page.getByTestId('error-place').allTextContents();
    expect(places).toEqual(['bad-ledger.csv:3:3', 'bad-ledger.csv:4:8']);
    expect(await result.textContent()).toContain('整个文件未导入');
    expect(await page.getByTestId('import-errors').textContent()).toContain('日期无法识别');
    expect((await session.service.workspaceInfo())?.lines).toBe(0);
    expect(session.calls).not.toContain('runRules');
  });
  it('imports ledgers and projects together and runs the rules once', async () => {
    session = await openApp({ browser, url });
    const { page, service } = session;
    await newWorkspace(session);
    session.shell.files = [district.shibanchong, district.chengnan];
    await page.getByTestId('pick-ledger').click();
    session.shell.files = [district.projects];
    await page.getByTestId('pick-projects').click();
    await expect.poll(() => page.getByTestId('import-file').count()).toBe(3);
    await page.getByTestId('import-all').click();
    await page.getByTestId('rules-summary').waitFor();
    const statuses = await page.getByTestId('import-result').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses).toEqual(['imported', 'imported', 'imported']);
    expect(session.calls.filter((c) => c === 'runRules')).toHaveLength(1);
    const total = (await service.listFindings({})).total;
    expect(await page.getByTestId('rules-summary').textContent()).toContain(`检查完成：${total} 个疑点`);
    expect(await page.getByTestId('rules-summary').textContent()).toContain('¥92,140.00');
  });

  it('asks for the missing township, village and column, then imports with that mapping', async () => {
    session = await openApp({ browser, url });
    const { page, service } = session;
    await newWorkspace(session);
    const file = join(session.dir, 'xincun-2018.csv');
    writeFileSync(file, [
      '日期,凭证号,摘要,核算科目,借方,贷方,附件张数',
      '2018-03-05,1,购办公用品,管理费用,120.00,,2',
      '2018-03-05,1,购办公用品,现金,,120.00,2',
    ].join('\n'));
    session.shell.files = [file];
    await page.getByTestId('pick-ledger').click();
    await page.getByTestId('mapping-form').waitFor();
    await page.getByTestId('map-accountName').click();
    await page.locator('.ant-select-item-option[title="核算科目"]').click();
    await page.getByTestId('place-township').fill('城南镇');
    await page.getByTestId('place-village').fill('新村');
    await page.getByTestId('mapping-apply').click();
    await page.getByTestId('mapping-form').waitFor({ state: 'detached' });
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.getByTestId('import-result').getAttribute('data-status')).toBe('imported');
    const lines = await service.listFindings({});
    expect(lines.total).toBe(0);
    expect((await service.workspaceInfo())?.lines).toBe(2);
  });
});

describe('review', () => {
  it('confirms one finding with a note, dismisses another with the keyboard, and keeps both after a re-run', async () => {
    session = await openApp({ browser, url });
    const { page, service } = session;
    await openSample(session);
    await page.locator('[data-nav="findings"]').click();
    const rows = page.getByTestId('findings-table').locator('.ant-table-row[data-row-key]');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    const firstId = await rows.nth(0).getAttribute('data-row-key');
    const secondId = await rows.nth(1).getAttribute('data-row-key');
    expect(firstId && secondId).toBeTruthy();
    await expect.poll(() => page.getByTestId('finding-detail').getAttribute('data-finding-id')).toBe(firstId);
    expect(await page.getByTestId('voucher-lines').locator('[data-source]').first().getAttribute('data-source')).toMatch(/\.csv:\d+$/);

    await page.getByTestId('review-note').fill('已调阅纸质凭证，无发票');
    await page.getByTestId('review-confirm').click();
    await page.getByTestId('reviewer-name').fill('李审计');
    await page.getByTestId('reviewer-name').press('Enter');
    await page.getByTestId('reviewer-name').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await service.getFinding({ id: firstId! })).status).toBe('confirmed');
    // Confirming moves on to the next finding; N dismisses it from the keyboard.
    await expect.poll(() => page.getByTestId('finding-detail').getAttribute('data-finding-id')).toBe(secondId);
    await page.keyboard.press('k');
    await expect.poll(() => page.getByTestId('finding-detail').getAttribute('data-finding-id')).toBe(firstId);
    await page.keyboard.press('j');
    await expect.poll(() => page.getByTestId('finding-detail').getAttribute('data-finding-id')).toBe(secondId);
    await page.keyboard.press('n');
    await expect.poll(async () => (await service.getFinding({ id: secondId! })).status).toBe('dismissed');

    await page.getByTestId('rerun-rules').click();
    await page.getByText('规则已重新检查，审核结论均已保留').waitFor();
    const first = await service.getFinding({ id: firstId! });
    expect(first).toMatchObject({ status: 'confirmed', note: '已调阅纸质凭证，无发票', reviewer: '李审计' });
    expect((await service.getFinding({ id: secondId! })).status).toBe('dismissed');
    await expect.poll(() => rows.nth(0).locator('[data-status]').getAttribute('data-status')).toBe('confirmed');
    await expect.poll(() => rows.nth(1).locator('[data-status]').getAttribute('data-status')).toBe('dismissed');
    await rows.nth(0).click();
    await expect.poll(() => page.getByTestId('review-history').textContent()).toContain('李审计：已确认');
    expect(await page.getByTestId('review-note').inputValue()).toBe('已调阅纸质凭证，无发票');
    expect(session.errors.filter((e) => /Content Security Policy|Uncaught/.test(e))).toEqual([]);
  });

  it('filters by amount and reviews a selection in bulk', async () => {
    session = await openApp({ browser, url, storage: { 'va.reviewer': '王组长' } });
    const { page, service } = session;
    await openSample(session);
    await page.locator('[data-nav="findings"]').click();
    const expected = await service.listFindings({ amountMinFen: 200_000 });
    expect(expected.total).toBeGreaterThan(2);
    await page.getByPlaceholder('最低金额（元）').fill('2000');
    await expect.poll(() => page.getByTestId('findings-total').textContent()).toContain(`共 ${expected.total} 个疑点`);
    const rows = page.getByTestId('findings-table').locator('.ant-table-row[data-row-key]');
    const ids = [await rows.nth(0).getAttribute('data-row-key'), await rows.nth(1).getAttribute('data-row-key')] as string[];
    await rows.nth(0).locator('.ant-checkbox-input').check();
    await rows.nth(1).locator('.ant-checkbox-input').check();
    await page.getByTestId('bulk-dismiss').click();
    for (const id of ids) await expect.poll(async () => (await service.getFinding({ id })).status).toBe('dismissed');
    expect((await service.getFinding({ id: ids[0]! })).reviewer).toBe('王组长');
    await expect.poll(() => rows.nth(1).locator('[data-status]').getAttribute('data-status')).toBe('dismissed');
  });

  it('filters the findings from a bar of the overview chart', async () => {
    session = await openApp({ browser, url });
    const { page, service } = session;
    await openSample(session);
    const ov = await service.overview();
    const township = ov.byTownship[0]!.township;
    const expected = (await service.listFindings({ township: [township] })).total;
    expect(expected).toBeLessThan(ov.findings);
    await page.getByTestId('chart-township').locator('.recharts-bar-rectangle').first().click();
    await page.getByTestId('findings-screen').waitFor();
    await expect.poll(() => page.getByTestId('findings-total').textContent()).toContain(`共 ${expected} 个疑点`);
    expect(await page.getByTestId('filter-township').textContent()).toContain(township);
  });

  it('shows the overpaid road of 赵湾村 with its project figures', async () => {
    session = await openApp({ browser, url, storage: { 'va.reviewer': '李审计' } });
    const { page } = session;
    await openSample(session);
    await page.getByTestId('chart-rule').locator('.recharts-bar-rectangle').nth(
      (await session.service.overview()).byRule.findIndex((r) => r.rule === 'payment-exceeds-acceptance'),
    ).click();
    await page.getByTestId('project-figures').waitFor();
    const text = await page.getByTestId('project-figures').textContent();
    expect(text).toContain('裕民路');
    expect(text).toContain('¥46,200.00');
  });
});

describe('volume', () => {
  it('keeps 100,000 findings in a virtualised table that the keyboard still drives', async () => {
    const N = 100_000;
    const rows: Finding[] = Array.from({ length: N }, (_, i) => ({
      id: `f${i}`, rule: 'unreceipted', township: '石板冲乡', village: `村${i % 280}`, date: '2018-03-05', vouchers: [`记-${i}`],
      project: null, amount: '100.00', amountFen: 10_000 + i, reason: `附件张数为 0（${i}）`, reasonEn: `attachment count is 0 (${i})`,
      sources: [], status: 'pending', note: null, reviewer: null, decidedAt: null,
    }));
    session = await openApp({
      browser, url,
      overrides: { listFindings: () => ({ total: N, totalAmountFen: rows.reduce((a, r) => a + r.amountFen, 0), rows }) },
    });
    const { page } = session;
    await openSample(session);
    await page.locator('[data-nav="findings"]').click();
    await expect.poll(() => page.getByTestId('findings-total').textContent()).toContain(`共 ${N} 个疑点`);
    const rendered = page.getByTestId('findings-table').locator('.ant-table-row[data-row-key]');
    await expect.poll(() => rendered.count()).toBeGreaterThan(5);
    expect(await rendered.count()).toBeLessThan(200);
    await page.locator('.ant-table-row[data-row-key="f0"]').click();
    for (let i = 0; i < 12; i++) await page.keyboard.press('j');
    await page.locator('.ant-table-row[data-row-key="f12"].va-row-active').waitFor();
    expect(await rendered.count()).toBeLessThan(200);
  });
});

describe('settings', () => {
  it('saves a rule setting, re-runs the rules, keeps the decisions, and resets to the default', async () => {
    session = await openApp({ browser, url, storage: { 'va.reviewer': '李审计' } });
    const { page, service } = session;
    await openSample(session);
    const rule = 'banned-hospitality';
    const before = await service.listFindings({ rule: [rule], sort: { by: 'date', dir: 'desc' } });
    const late = before.rows[0]!;
    expect(late.date >= '2018-01-01').toBe(true);
    expect(before.rows.some((f) => f.date < '2018-01-01')).toBe(true);
    await service.reviewFindings({ ids: [late.id], decision: 'confirmed', reviewer: '李审计', note: '宴请' });
    await page.locator('[data-nav="settings"]').click();
    const field = page.getByTestId(`setting-${rule}-banDate`);
    expect(await field.inputValue()).toBe('2017-02-01');
    await field.fill('2018-01-01');
    await page.getByTestId(`rule-save-${rule}`).click();
    await page.getByText('设置已保存，规则已重新检查，审核结论均已保留').waitFor();
    expect((await service.listRules()).find((r) => r.id === rule)!.settings.banDate).toBe('2018-01-01');
    const after = await service.listFindings({ rule: [rule] });
    expect(after.total).toBe(before.rows.filter((f) => f.date >= '2018-01-01').length);
    expect((await service.getFinding({ id: late.id })).status).toBe('confirmed');
    await page.getByTestId(`rule-reset-${rule}`).click();
    await expect.poll(async () => (await service.listFindings({ rule: [rule] })).total).toBe(before.total);
    await expect.poll(() => field.inputValue()).toBe('2017-02-01');
    expect((await service.getFinding({ id: late.id })).status).toBe('confirmed');
  });
});

describe('language', () => {
  it('switches to English and back', async () => {
    session = await openApp({ browser, url });
    const { page } = session;
    const nav = page.locator('[data-nav="overview"]');
    expect(await nav.textContent()).toBe('总览');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => nav.textContent()).toBe('Overview');
    expect(await page.getByTestId('ws-sample').textContent()).toContain('Open the sample district');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => nav.textContent()).toBe('总览');
    expect(await page.getByTestId('ws-sample').textContent()).toContain('打开示例区县');
    expect(session.errors).toEqual([]);
  });
});
