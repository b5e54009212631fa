// The review UI end to end: the built renderer in Chromium over a real engine and workspace.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../shared/contract';
import { AuditService } from '../../shared/service';
import { describe, expect, it } from 'vitest';
import { district } from '../helpers';
import { writeSyntheticLedger } from '../bench/synthetic';
import { gate, newWorkspace, type AppSession } from './harness';
import { appSuite } from './suite';

const app = appSuite();
let session: AppSession;

async function openSample(s: AppSession): Promise<void> {
  await s.page.getByTestId('ws-sample').click();
  await s.page.getByTestId('overview').waitFor();
}

describe('import wizard', () => {
  it('imports the GB18030 ledger with a preview, progress and a result, then runs the rules', async () => {
    session = await app.open();
    const { page } = session;
    await newWorkspace(session);
    session.shell.files = [district.shibanchong];
    await page.getByTestId('pick-ledger').click();
    await expect.poll(() => page.getByTestId('preview-encoding').textContent()).toBe('GB18030');
    expect(Number(await page.getByTestId('preview-header-line').textContent())).toBeGreaterThan(0);
    expect(await page.locator('[data-recognised="yes"]').count()).toBeGreaterThanOrEqual(8);
    await expect.poll(() => page.getByTestId('preview-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(3);
    // The opening-balance row (期初余额) is marked as skipped, as the import will skip it.
    expect(await page.getByTestId('preview-table').locator('[data-outcome="subtotal"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('preview-table').locator('tr.va-row-skipped').first().textContent()).toContain('期初余额');

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
    session = await app.open();
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
    // The preview already shows which rows the import will refuse.
    await expect.poll(() => page.locator('[data-outcome="error"]').count()).toBe(2);
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
  it('cancels an import under way and leaves the workspace as it was', async () => {
    session = await app.open();
    const { page, service } = session;
    await newWorkspace(session);
    const big = join(session.dir, 'big-ledger.csv');
    await writeSyntheticLedger(big, 400_000);
    session.shell.files = [big];
    await page.getByTestId('pick-ledger').click();
    await page.getByTestId('preview-table').waitFor();
    // Cancel the moment the first progress report shows, i.e. while rows are being written: the
    // page itself clicks, as a user would, so no polling from here can miss a fast import.
    await page.evaluate(() => {
      const w = window as unknown as { __cancelSeen?: string };
      new MutationObserver((_m, observer) => {
        const text = document.querySelector('[data-testid="import-progress-text"]')?.textContent ?? '';
        const cancel = document.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]');
        if (/已读 [\d,]{3,} 行/.test(text) && cancel) {
          w.__cancelSeen = text;
          observer.disconnect();
          cancel.click();
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('import-start').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __cancelSeen?: string }).__cancelSeen ?? '')).toMatch(/已读 [\d,]{3,} 行/);
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.getAttribute('data-status'), { timeout: 30_000 }).toBe('cancelled');
    expect(await result.textContent()).toContain('已取消，工作区保持不变');
    expect(await service.workspaceInfo()).toMatchObject({ files: 0, lines: 0 });
    expect(await service.listFiles()).toEqual([]);
    expect(session.calls).toContain('cancelImport');
    expect(session.calls).not.toContain('runRules');
  });

  it('imports ledgers and projects together and runs the rules once', async () => {
    session = await app.open();
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
    session = await app.open();
    const { page, service } = session;
    await newWorkspace(session);
    const file = join(session.dir, 'xincun-2018.csv');
    writeFileSync(file, [
      '日期,凭证号,摘要,核算科目,借方,贷方,附件张数',
      '2018-03-05,1,购办公用品,管理费用,120.00,,2',
      '2018-03-05,1,购办公用品,银行存款,,120.00,2',
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
    session = await app.open();
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
    // N asks for the reason first: nothing is recorded without it.
    await page.keyboard.press('n');
    await page.getByTestId('dismiss-reason').waitFor();
    expect(await page.getByTestId('dismiss-reason-ok').isDisabled()).toBe(true);
    expect((await service.getFinding({ id: secondId! })).status).toBe('pending');
    await page.getByTestId('dismiss-reason').fill('附件齐全，系误报');
    await page.getByTestId('dismiss-reason-ok').click();
    await expect.poll(async () => (await service.getFinding({ id: secondId! })).status).toBe('dismissed');
    expect((await service.getFinding({ id: secondId! })).note).toBe('附件齐全，系误报');

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
    session = await app.open({ storage: { 'va.reviewer': '王组长' } });
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
    await page.getByTestId('dismiss-reason').fill('金额属实，已核对合同');
    await page.getByTestId('dismiss-reason-ok').click();
    // The bulk decision is confirmed with its count and amount.
    const amount = (await service.listFindings({ amountMinFen: 200_000 })).rows.filter((f) => ids.includes(f.id)).reduce((s, f) => s + f.amountFen, 0);
    await expect.poll(() => page.getByTestId('review-impact').textContent()).toContain(`将把 2 个疑点（涉及金额 ¥${(amount / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}）标记为“已排除”`);
    await page.getByTestId('review-confirm-ok').click();
    for (const id of ids) await expect.poll(async () => (await service.getFinding({ id })).status).toBe('dismissed');
    expect((await service.getFinding({ id: ids[0]! })).reviewer).toBe('王组长');
    await expect.poll(() => rows.nth(1).locator('[data-status]').getAttribute('data-status')).toBe('dismissed');
  });

  it('filters the findings from a bar of the overview chart', async () => {
    session = await app.open();
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
    session = await app.open({ storage: { 'va.reviewer': '李审计' } });
    const { page } = session;
    await openSample(session);
    // Bars of rules without an amount (voucher gaps, Benford) have no height and are not drawn.
    await page.getByTestId('chart-rule').locator('.recharts-bar-rectangle').nth(
      (await session.service.overview()).byRule.filter((r) => r.amountFen > 0).findIndex((r) => r.rule === 'payment-exceeds-acceptance'),
    ).click();
    await page.getByTestId('project-figures').waitFor();
    const text = await page.getByTestId('project-figures').textContent();
    expect(text).toContain('裕民路');
    expect(text).toContain('¥46,200.00');
  });
});

describe('case leads, handoff and rectification', () => {
  it('confirms findings, builds leads, edits the 裕民路 lead, hands it over, records the recovery and closes it', async () => {
    session = await app.open({ storage: { 'va.reviewer': '李审计' } });
    const { page, service } = session;
    await openSample(session);
    // Confirm every finding in bulk on the findings screen.
    await page.locator('[data-nav="findings"]').click();
    await page.getByTestId('findings-table').locator('.ant-table-row[data-row-key]').first().waitFor();
    await page.getByTestId('findings-table').locator('.ant-table-thead .ant-checkbox-input').check();
    await page.getByTestId('bulk-confirm').click();
    await page.getByTestId('review-confirm-ok').click();
    await expect.poll(async () => (await service.listFindings({ status: ['confirmed'] })).total).toBe(32);

    // Build the leads: one per village and problem.
    await page.locator('[data-nav="leads"]').click();
    await page.getByTestId('leads-build').click();
    const leadRows = page.getByTestId('leads-table').locator('.ant-table-row[data-lead]');
    await expect.poll(() => leadRows.count()).toBe(26);
    const number = '石板冲乡-2017-004';
    await page.locator(`.ant-table-row[data-lead="${number}"]`).click();
    const lead = page.getByTestId('lead-page');
    await expect.poll(() => lead.getAttribute('data-lead')).toBe(number);
    expect(await page.getByTestId('lead-amount').textContent()).toBe('¥46,200.00');
    expect(await page.getByTestId('lead-person-names').textContent()).toBe('赵某某、李某某、沈某某');
    expect(await page.getByTestId('lead-evidence').textContent()).toContain('projects.csv');
    expect(await page.getByTestId('lead-findings').textContent()).toContain('裕民路');

    // Edit it: add the contractor's contact as a person, change the handling and the remarks.
    await page.getByTestId('person-name').fill('周某某');
    await page.getByTestId('person-post').fill('项目联络员');
    await page.getByTestId('person-add').click();
    await page.getByTestId('lead-disposition').click();
    await page.locator('.ant-select-item-option[title="谈话函询"]').click();
    await page.getByTestId('lead-remarks').fill('实地复测 1800 米，见测量记录');
    // Dates are typed as YYYY-MM-DD whatever the machine's locale.
    await page.getByTestId('lead-received').fill('2026-11-30');
    await page.getByTestId('lead-received').press('Enter');
    await page.getByTestId('lead-save').click();
    await expect.poll(async () => (await service.getCaseLead({ number })).lead.remarks).toBe('实地复测 1800 米，见测量记录');
    const edited = (await service.getCaseLead({ number })).lead;
    expect(edited.disposition).toBe('谈话函询');
    expect(edited.receivedAt).toBe('2026-11-30');
    expect(edited.persons.map((p) => p.name)).toEqual(['赵某某', '李某某', '沈某某', '周某某']);
    const trail = await service.listTrail({ entity: 'lead', entityId: number });
    expect(trail.at(-1)).toMatchObject({ actor: '李审计', action: 'edit' });
    await expect.poll(() => page.getByTestId('lead-trail').textContent()).toContain('谈话函询');
    await page.locator('.ant-drawer-close').click();

    // Hand over 石板冲乡's leads to its commission.
    const out = join(session.dir, 'handoff');
    session.shell.directory = out;
    await page.getByTestId('leads-handoff').click();
    await page.getByTestId('handoff-township').click();
    await page.locator('.ant-select-item-option[title="石板冲乡"]').click();
    await page.getByTestId('handoff-from').fill('裕安区委第三巡察组');
    await page.getByTestId('handoff-go').click();
    await page.getByTestId('handoffs-table').locator('.ant-table-row').first().waitFor();
    // The package in a folder of its own, named with the handoff's number and date.
    const pkg = join(out, `石板冲乡-移交1-${new Date().toISOString().slice(0, 10)}`);
    for (const ext of ['xlsx', 'csv', 'pdf']) expect(existsSync(join(pkg, `${pkg.split('/').pop()}.${ext}`))).toBe(true);
    const pdf = execFileSync('pdftotext', [join(pkg, `${pkg.split('/').pop()}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(pdf).toContain('石板冲乡纪委');
    expect(pdf).toContain('裕安区委第三巡察组');
    expect(pdf).toContain('赵某某');
    const [rec] = await service.listHandoffs();
    expect(rec).toMatchObject({ township: '石板冲乡', handedBy: '李审计', toUnit: '石板冲乡纪委' });
    expect(await page.getByTestId('handoffs-table').textContent()).toContain(rec!.files[0]!.sha256.slice(0, 12));
    // 石板冲乡's commission holds all its leads now: the next handoff offers 城南镇 and 顺河镇 only.
    await page.getByTestId('leads-handoff').click();
    await page.getByTestId('handoff-township').click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents()).toEqual(['全部乡镇', '城南镇', '顺河镇']);
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal-footer button').first().click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });

    // The lead is sealed; the lead's page says so, and it goes into the rectification ledger.
    await page.locator('[data-tab="leads"]').click();
    await page.locator(`.ant-table-row[data-lead="${number}"]`).click();
    await page.getByTestId('lead-frozen').waitFor();
    await page.getByTestId('lead-to-rect').click();
    await page.getByTestId('lead-open-rect').click();
    const item = page.getByTestId('rect-item');
    await item.waitFor();
    expect(await page.getByTestId('rect-at-issue').textContent()).toBe('¥46,200.00');
    expect(await page.getByTestId('rect-responsible').inputValue()).toBe('赵某某、李某某、沈某某、周某某');
    await page.getByTestId('rect-measures').fill('责令施工单位退回超付工程款');
    await page.getByTestId('rect-due').fill('2026-12-31');
    await page.getByTestId('rect-due').press('Enter');
    await page.getByTestId('rect-progress').click();
    await page.locator('.ant-select-item-option[title="整改中"]').click();
    await page.getByTestId('rect-recovered').fill('46200');
    await page.getByTestId('rect-save').click();
    const id = Number(await item.getAttribute('data-rect'));
    await expect.poll(async () => (await service.listRectifications({})).find((i) => i.id === id)?.recoveredFen).toBe(4_620_000);

    // 销号 needs evidence or a note: add a scanned receipt, then close.
    expect(await page.getByTestId('rect-close').isDisabled()).toBe(true);
    const receipt = join(session.dir, '追缴收据.pdf');
    writeFileSync(receipt, '%PDF-1.4 receipt');
    session.shell.files = [receipt];
    await page.getByTestId('rect-add-evidence').click();
    await expect.poll(() => page.getByTestId('rect-evidence').textContent()).toContain('追缴收据.pdf');
    // The scanned receipt can be taken out again, its hash checked.
    const [ev] = (await service.listRectifications({})).find((i) => i.id === id)!.evidence;
    session.shell.saveFile = join(session.dir, '收据副本.pdf');
    await page.getByTestId(`rect-evidence-save-${ev!.id}`).click();
    await expect.poll(() => existsSync(join(session!.dir, '收据副本.pdf'))).toBe(true);
    expect(readFileSync(join(session.dir, '收据副本.pdf'), 'utf8')).toBe('%PDF-1.4 receipt');
    await page.getByTestId('rect-close-note').fill('已全额追缴 ¥46,200.00');
    await page.getByTestId('rect-close').click();
    await page.getByTestId('rect-close-confirm').click();
    await page.getByTestId('rect-closed').waitFor();
    const closed = (await service.listRectifications({})).find((i) => i.id === id)!;
    expect(closed).toMatchObject({ closed: true, closedBy: '李审计', progress: '已完成', recoveredFen: 4_620_000, closeNote: '已全额追缴 ¥46,200.00' });
    expect(closed.evidence[0]!.name).toBe('追缴收据.pdf');
    await page.locator('.ant-drawer-close').click();

    // The ledger: recovered against at issue, the chart, and the export.
    expect(await page.getByTestId('rect-summary').textContent()).toContain('¥46,200.00');
    await expect.poll(() => page.getByTestId('rect-progress-chart').getAttribute('data-points')).toBe('1');
    session.shell.saveFile = join(session.dir, '整改台账.xlsx');
    await page.getByTestId('rect-export').click();
    await expect.poll(() => existsSync(join(session!.dir, '整改台账.xlsx'))).toBe(true);
  });

  it('merges two leads of one village, splits one finding off again, and links findings to their lead', async () => {
    session = await app.open({ storage: { 'va.reviewer': '李审计' } });
    const { page, service } = session;
    await openSample(session);
    const all = await service.listFindings({ village: ['赵湾村'], limit: 100 });
    await service.reviewFindings({ ids: all.rows.map((f) => f.id), decision: 'confirmed', reviewer: '李审计' });
    await page.locator('[data-nav="leads"]').click();
    await page.getByTestId('leads-build').click();
    const rows = page.getByTestId('leads-table').locator('.ant-table-row[data-lead]');
    await expect.poll(() => rows.count()).toBe(3);
    const before = await service.listCaseLeads({});
    const [a, b] = before.map((l) => l.number);
    const findingsOfAB = before[0]!.findingIds.length + before[1]!.findingIds.length;
    await page.locator(`.ant-table-row[data-lead="${a}"] .ant-checkbox-input`).check();
    await page.locator(`.ant-table-row[data-lead="${b}"] .ant-checkbox-input`).check();
    await page.getByTestId('leads-merge').click();
    await page.getByTestId('merge-confirm-ok').click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    const merged = (await service.getCaseLead({ number: a! })).lead;
    expect(merged.findingIds.length).toBe(findingsOfAB);
    expect((await service.getCaseLead({ number: b! })).lead).toMatchObject({ status: 'merged', mergedInto: a });

    // Split the second finding off: it gets the next number of its township and year, never b again.
    await page.locator(`.ant-table-row[data-lead="${a}"]`).click();
    const findingRows = page.getByTestId('lead-findings').locator('.ant-table-row');
    await expect.poll(() => findingRows.count()).toBe(findingsOfAB);
    await findingRows.nth(findingsOfAB - 1).locator('.ant-checkbox-input').check();
    await page.getByTestId('lead-split').click();
    await page.getByTestId('split-confirm-ok').click();
    await expect.poll(async () => (await service.listCaseLeads({})).length).toBe(3);
    const numbers = (await service.listCaseLeads({ includeMerged: true })).map((l) => l.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const created = numbers.find((n) => !before.some((l) => l.number === n))!;
    expect(created).toMatch(/^石板冲乡-\d{4}-\d{3}$/);
    await page.locator('.ant-drawer-close').click();

    // From a finding, its lead is one click away.
    const f = (await service.getCaseLead({ number: a! })).lead.findingIds[0]!;
    await page.locator('[data-nav="findings"]').click();
    await page.locator(`[data-row-key="${f}"]`).click();
    await page.getByTestId('finding-lead').click();
    await expect.poll(() => page.getByTestId('lead-page').getAttribute('data-lead')).toBe(a);
  });

  it('highlights overdue items and makes an item from a confirmed finding', async () => {
    session = await app.open({ storage: { 'va.reviewer': '李审计' } });
    const { page, service } = session;
    await openSample(session);
    const f = (await service.listFindings({ rule: ['banned-hospitality'], limit: 1 })).rows[0]!;
    await service.reviewFindings({ ids: [f.id], decision: 'confirmed', reviewer: '李审计' });
    await page.locator('[data-nav="findings"]').click();
    await page.locator(`[data-row-key="${f.id}"]`).click();
    await page.getByTestId('finding-to-rect').click();
    const item = page.getByTestId('rect-item');
    await item.waitFor();
    const id = Number(await item.getAttribute('data-rect'));
    await page.getByTestId('rect-due').fill('2020-01-31');
    await page.getByTestId('rect-due').press('Enter');
    await page.getByTestId('rect-save').click();
    await page.locator('.ant-drawer-close').click();
    await expect.poll(() => page.locator(`.ant-table-row[data-rect="${id}"]`).getAttribute('data-overdue')).toBe('yes');
    expect(await page.locator(`.ant-table-row[data-rect="${id}"]`).getAttribute('class')).toContain('va-row-overdue');
    expect(await page.locator('[data-stat="overdue"]').textContent()).toContain('1');
    // A second item for the same finding is refused with a message.
    await expect(service.createRectification({ findingId: f.id, actor: 'x' })).rejects.toThrow(/已有整改事项/);
  });

  it('imports an officers roster and shows a bad one\'s errors with file:line:column', async () => {
    session = await app.open({ storage: { 'va.reviewer': '李审计' } });
    const { page } = session;
    await openSample(session);
    await page.locator('[data-nav="leads"]').click();
    await page.locator('[data-tab="cadres"]').click();
    await expect.poll(() => page.getByTestId('cadres-table').textContent()).toContain('钱某某');
    const bad = join(session.dir, '名册.csv');
    writeFileSync(bad, '\ufeff乡镇,村,姓名,职务,任职起,任职止\n石板冲乡,观山村,,主任,2018-13-01,\n');
    session.shell.files = [bad];
    await page.getByTestId('cadres-import').click();
    const result = page.getByTestId('cadres-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('名册.csv:2:3');
    expect(await result.textContent()).toContain('名册.csv:2:5');
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
    session = await app.open({
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
    session = await app.open({ storage: { 'va.reviewer': '李审计' } });
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

  it('edits a money setting in yuan and stores exact fen', async () => {
    session = await app.open({ storage: { 'va.reviewer': '李审计' } });
    const { page, service } = session;
    await openSample(session);
    const rule = 'unreceipted';
    const before = await service.listFindings({ rule: [rule] });
    await page.locator('[data-nav="settings"]').click();
    const field = page.getByTestId(`setting-${rule}-minAmountFen`);
    expect(await page.getByTestId(`rule-${rule}`).textContent()).toContain('最低金额（元）');
    expect(await page.getByTestId(`rule-${rule}`).textContent()).toContain('默认：¥0.00');
    await field.fill('3500.1');
    await field.blur();
    expect(await field.inputValue()).toBe('3,500.10');
    await page.getByTestId(`rule-save-${rule}`).click();
    await page.getByText('设置已保存，规则已重新检查，审核结论均已保留').waitFor();
    expect((await service.listRules()).find((r) => r.id === rule)!.settings.minAmountFen).toBe(350_010);
    const after = await service.listFindings({ rule: [rule] });
    // A missing attachment alone no longer flags 记-041's ¥3,200.00; ¥4,500.00 and the IOU words stay flagged.
    const gone = before.rows.filter((f) => !after.rows.some((a) => a.id === f.id));
    expect(gone.map((f) => f.amount)).toEqual(['3200.00']);
    expect(after.rows.map((f) => f.amount)).toContain('4500.00');
  });

  it('sets the lead source that new leads carry, and records who set it', async () => {
    session = await app.open({ storage: { 'va.reviewer': '李审计' } });
    const { page, service } = session;
    await openSample(session);
    await page.locator('[data-nav="settings"]').click();
    const input = page.getByTestId('settings-lead-source-input');
    await expect.poll(() => input.inputValue()).toBe('村级财务审计');
    expect(await page.getByTestId('settings-lead-source-save').isDisabled()).toBe(true);
    await input.fill('村级财务审计 第三审计组');
    await page.getByTestId('settings-lead-source-save').click();
    await page.getByText('线索来源已保存').waitFor();
    expect(await service.getLeadSource()).toBe('村级财务审计 第三审计组');
    const trail = await service.listTrail({ entity: 'lead', entityId: '*' });
    expect(trail.at(-1)).toMatchObject({ actor: '李审计', action: 'set-source', after: '村级财务审计 第三审计组' });
    const f = (await service.listFindings({ limit: 1 })).rows[0]!;
    await service.reviewFindings({ ids: [f.id], decision: 'confirmed', reviewer: '李审计' });
    const [number] = await service.buildCaseLeads({ actor: '李审计' });
    expect((await service.getCaseLead({ number: number! })).lead.source).toBe('村级财务审计 第三审计组');
    // The leads screen's dialog starts from the same setting.
    await page.locator('[data-nav="leads"]').click();
    await page.getByTestId('leads-source').click();
    await expect.poll(() => page.getByTestId('lead-source-setting').inputValue()).toBe('村级财务审计 第三审计组');
  });
});

describe('desktop menu', () => {
  it('goes to the import screen or the start screen when the menu asks', async () => {
    session = await app.open();
    const { page } = session;
    await openSample(session);
    const emit = (action: string) => page.evaluate((a) => (window as unknown as { __auditEmit: (e: unknown) => void }).__auditEmit({ type: 'menu', action: a }), action);
    await emit('import-ledgers');
    await page.getByTestId('pick-ledger').waitFor();
    await emit('open-workspace');
    await page.getByTestId('ws-sample').waitFor();
  });
});

describe('language', () => {
  it('switches to English and back', async () => {
    session = await app.open();
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

  it('shows a lead and its trail in English, the form\'s Chinese terms translated', async () => {
    session = await app.open({ storage: { 'va.lang': 'en', 'va.reviewer': 'Li' } });
    const { page, service } = session;
    await openSample(session);
    const f = (await service.listFindings({ rule: ['payment-exceeds-acceptance'], limit: 1 })).rows[0]!;
    await service.reviewFindings({ ids: [f.id], decision: 'confirmed', reviewer: 'Li' });
    const [number] = await service.buildCaseLeads({ actor: 'Li' });
    await service.updateCaseLead({ number: number!, actor: 'Li', patch: { disposition: '谈话函询' } });
    await page.locator('[data-nav="leads"]').click();
    const row = page.locator(`.ant-table-row[data-lead="${number}"]`);
    await expect.poll(() => row.textContent()).toContain('Talk or inquiry');
    await row.click();
    await expect.poll(() => page.getByTestId('lead-trail').textContent()).toContain('Proposed handling: Preliminary check → Talk or inquiry');
  });
});

describe('a workspace the team can trust (issue 12)', () => {
  it('warns before a finding behind a handed-over lead is dismissed, then shows the correction on the lead page', async () => {
    session = await app.open({ storage: { 'va.reviewer': '李审计' } });
    const { page, service } = session;
    await openSample(session);
    const all = await service.listFindings({ limit: 100 });
    await service.reviewFindings({ ids: all.rows.map((f) => f.id), decision: 'confirmed', reviewer: '李审计' });
    await service.buildCaseLeads({ actor: '李审计' });
    const lead = (await service.listCaseLeads({ township: '城南镇' }))[0]!;
    await service.handoffLeads({ dir: join(session.dir, 'h'), township: '城南镇', handedBy: '李审计', pdf: false });
    const fid = lead.findingIds[0]!;
    await page.locator('[data-nav="findings"]').click();
    await page.locator(`.ant-table-row[data-row-key="${fid}"]`).click();
    await expect.poll(() => page.getByTestId('finding-detail').getAttribute('data-finding-id')).toBe(fid);
    await page.keyboard.press('n');
    await page.getByTestId('dismiss-reason').fill('经核实票据齐全');
    await page.getByTestId('dismiss-reason-ok').click();
    const warning = page.getByTestId('lead-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`线索 ${lead.number}（1 个疑点）已于`);
    expect(await warning.textContent()).toContain('将生成第 2 版（更正）');
    await page.getByTestId('review-confirm-ok').click();
    await expect.poll(async () => (await service.getFinding({ id: fid })).status).toBe('dismissed');
    await page.locator('[data-nav="leads"]').click();
    await page.locator(`.ant-table-row[data-lead="${lead.number}"]`).click();
    await expect.poll(() => page.getByTestId('lead-correction').textContent()).toContain('第 2 版是对已移交版本的更正');
    expect(await page.getByTestId('lead-correction').textContent()).toContain('经核实票据齐全');
  });

  it('asks the password of an encrypted workspace on open (a wrong one is a clear error), and the recent list keeps the path only', async () => {
    session = await app.open();
    const { page, shell, dir } = session;
    const path = join(dir, 'secret.sqlite');
    const s = new AuditService();
    await s.openWorkspace({ path, create: true, password: '村账 2026' });
    await s.closeWorkspace();
    shell.workspace = path;
    await page.getByTestId('ws-open').click();
    await page.getByTestId('password').fill('wrong');
    await page.getByTestId('password-ok').click();
    await expect.poll(() => page.getByTestId('password-error').textContent()).toContain('密码不正确');
    await page.getByTestId('password').fill('村账 2026');
    await page.getByTestId('password-ok').click();
    await page.getByTestId('overview').waitFor();
    expect(shell.recent).toEqual([path]);
    expect(JSON.stringify(shell.recent)).not.toContain('村账');
  });

  it('creates an encrypted workspace with a password chosen twice', async () => {
    session = await app.open();
    const { page, shell, dir } = session;
    shell.workspace = join(dir, 'new-secret.sqlite');
    await page.getByTestId('ws-create').click();
    await page.getByTestId('password').fill('一二三四');
    await page.getByTestId('password-again').fill('一二三四');
    await page.getByTestId('password-ok').click();
    await page.getByTestId('pick-ledger').waitFor();
    expect((await session.service.workspaceInfo())?.encrypted).toBe(true);
    expect(readFileSync(shell.workspace).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('shows a break found on opening at once: which entry, what changed', async () => {
    session = await app.open();
    const { page, shell, dir } = session;
    const path = join(dir, 'tampered.sqlite');
    const s = new AuditService({ now: () => '2026-11-25T08:00:00.000Z' });
    await s.openWorkspace({ path, create: true });
    await s.importBatch([{ path: district.shibanchong, kind: 'ledger' }]);
    await s.runRules();
    const f = (await s.listFindings({ limit: 1 })).rows[0]!;
    await s.reviewFindings({ ids: [f.id], decision: 'dismissed', reviewer: '张审计', note: '原始理由' });
    await s.closeWorkspace();
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const raw = new Database(path);
    raw.exec("DROP TRIGGER reviews_append_only_update; UPDATE reviews SET note = '事后改写'");
    raw.close();
    shell.workspace = path;
    await page.getByTestId('ws-open').click();
    const alert = page.getByTestId('integrity-alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('打开时校验发现');
    expect(text).toContain('审核记录 #1');
    expect(text).toContain('备注：写入时“原始理由”，现在“事后改写”');
    expect(text).toContain('reviews_append_only_update');
  });
});
