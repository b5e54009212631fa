// The analytics end to end (issue 13), the built renderer in Chromium over a real engine: export
// of the findings view, a finding printed, the ledger around a finding / a voucher / a village,
// a summary, a sample drawn and extended, undo from the toast and with Ctrl+Z, filters kept and
// saved, the shortcuts, the layout at 1366×768 and 1440×900, the district-scale overview and the
// busy states of long actions.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { formatFen } from '../../shared/format/money';
import { describe, expect, it } from 'vitest';
import { districtOverview as district } from './district-overview';
import { gate, openApp, type AppSession } from './harness';
import { e2eSuite } from './suite';

const suite = e2eSuite();

const REVIEWER = { 'va.reviewer': '李审计' };

async function sample(opts: { lang?: 'zh' | 'en'; viewport?: { width: number; height: number } } = {}): Promise<AppSession> {
  const s = await openApp({ browser: suite.browser, url: suite.url, viewport: opts.viewport ?? { width: 1366, height: 768 }, storage: { ...REVIEWER, 'va.lang': opts.lang ?? 'zh' } });
  suite.session = s;
  await s.page.getByTestId('ws-sample').click();
  await s.page.getByTestId('overview').waitFor();
  return s;
}

async function findings(page: Page) {
  await page.locator('[data-nav="findings"]').click();
  const rows = page.getByTestId('findings-table').locator('.ant-table-row[data-row-key]');
  await rows.first().waitFor();
  return rows;
}

/** The input of an antd field (InputNumber, Input.Search) given the test id on it or on its wrapper. */
const input = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** Picks an option of an antd Select by its text. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('export and print of the findings', () => {
  it('exports the view as shown (its filter and sort) to .xlsx and .csv, and prints a finding to PDF', async () => {
    const s = await sample();
    const { page, service } = s;
    const rows = await findings(page);
    await choose(page, 'filter-rule', '白条入账');
    await page.keyboard.press('Escape');
    const expected = await service.listFindings({ rule: ['unreceipted'], sort: { by: 'amount', dir: 'desc' } });
    await expect.poll(() => page.getByTestId('findings-total').textContent()).toContain(`共 ${expected.total} 个疑点`);
    // Sort by amount, descending (two clicks on the header).
    const amountHeader = page.getByTestId('findings-table').locator('th').filter({ hasText: '涉及金额' });
    await amountHeader.click();
    await amountHeader.click();
    await expect.poll(() => rows.first().getAttribute('data-row-key')).toBe(expected.rows[0]!.id);

    s.shell.saveFile = join(s.dir, 'findings.xlsx');
    await page.getByTestId('findings-export').click();
    await page.getByTestId('findings-export-xlsx').click();
    await page.getByText(`已导出 ${expected.total} 行`).waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(s.shell.saveFile);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((ws.getColumn(14).values as unknown[]).slice(2)).toEqual(expected.rows.map((f) => f.id));
    expect(ws.getCell('E2').value).toBe(expected.rows[0]!.amountFen / 100);
    expect(ws.getCell('E2').numFmt).toBe('¥#,##0.00');

    s.shell.saveFile = join(s.dir, 'findings.csv');
    await page.getByTestId('findings-export').click();
    await page.getByTestId('findings-export-csv').click();
    await expect.poll(() => existsSync(join(s.dir, 'findings.csv'))).toBe(true);
    const csv = readFileSync(join(s.dir, 'findings.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.trim().split('\r\n')).toHaveLength(expected.total + 1);

    await rows.first().click();
    s.shell.saveFile = join(s.dir, 'finding.pdf');
    await page.getByTestId('finding-print').click();
    await page.getByText('已保存 PDF').waitFor({ timeout: 30_000 });
    expect(readFileSync(join(s.dir, 'finding.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(s.calls).toEqual(expect.arrayContaining(['exportFindings', 'printFinding', 'chooseSaveFile']));
  });
});

describe('the ledger around things', () => {
  it('opens the ledger around a finding, around one of its voucher lines, and a village\'s ledger from the overview', async () => {
    const s = await sample();
    const { page, service } = s;
    const rows = await findings(page);
    const id = await rows.nth(3).getAttribute('data-row-key');
    await rows.nth(3).click();
    await expect.poll(() => page.getByTestId('finding-detail').getAttribute('data-finding-id')).toBe(id);
    const detail = await service.getFinding({ id: id! });
    await page.keyboard.press('l');
    const anchor = page.getByTestId('ledger-anchor');
    await anchor.waitFor();
    expect(await anchor.textContent()).toContain(`${detail.township} ${detail.village}`);
    expect(await page.getByTestId('anchor-voucher').count()).toBe(new Set(detail.lines.map((l) => l.voucher)).size);
    // The village's lines before and after, the finding's own marked.
    const table = page.getByTestId('ledger-table');
    await expect.poll(() => table.locator('tr.va-row-marked').count()).toBe(detail.lines.length);
    const ids = (await table.locator('.ant-table-row').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-row-key')))));
    const marked = detail.lines.map((l) => ids.indexOf(l.id));
    expect(Math.min(...marked)).toBe(10);
    expect(ids.length).toBeGreaterThan(Math.max(...marked) + 1);
    const village = await service.queryLedger({ township: detail.township, village: detail.village, limit: 1 });
    expect(await page.getByTestId('ledger-total').textContent()).toContain(`共 ${village.total} 行`);

    // Back to the finding, and the ledger around one of its voucher lines.
    await page.locator('[data-nav="findings"]').click();
    await expect.poll(() => page.getByTestId('finding-detail').getAttribute('data-finding-id')).toBe(id);
    await page.getByTestId('voucher-lines').getByTestId('line-context').first().click();
    await expect.poll(() => page.getByTestId('ledger-anchor').textContent()).toContain('整张凭证');

    // A village of the overview: its ledger, filterable.
    await page.locator('[data-nav="overview"]').click();
    // The ranking's first row is the village with the highest risk score.
    const first = (await service.riskRanking()).villages[0]!;
    const top = { township: first.township, village: first.village ?? '' };
    await page.getByTestId('risk-ranking').getByTestId('village-ledger').first().click();
    await page.getByTestId('ledger-screen').waitFor();
    const all = await service.queryLedger({ township: top.township, village: top.village, limit: 1 });
    await expect.poll(() => page.getByTestId('ledger-total').textContent()).toContain(`共 ${all.total} 行`);
    expect(await page.getByTestId('ledger-anchor').count()).toBe(0);
    // Words from its first line's summary.
    const word = all.rows[0]!.summary.slice(0, 2);
    const words = await service.queryLedger({ township: top.township, village: top.village, text: word, limit: 1 });
    await input(page, 'ledger-text').fill(word);
    await input(page, 'ledger-text').press('Enter');
    await expect.poll(() => page.getByTestId('ledger-total').textContent()).toContain(`共 ${words.total} 行`);
    expect(words.total).toBeGreaterThan(0);
    // A line clicked shows its whole voucher.
    await page.getByTestId('ledger-table').locator('.ant-table-row').first().click();
    await expect.poll(() => page.getByTestId('anchor-voucher').count()).toBe(1);

    // A project's payments, from the projects screen.
    await page.locator('[data-nav="projects"]').click();
    const road = page.getByTestId('projects-table').locator('.ant-table-row').filter({ hasText: 'KF2017-003' });
    await road.getByTestId('project-row-ledger').click();
    await expect.poll(() => page.getByTestId('ledger-anchor').textContent()).toContain('KF2017-003');
    const payments = await service.ledgerContext({ project: 'KF2017-003' });
    expect(await page.getByTestId('anchor-voucher').count()).toBe(payments.vouchers.length);
  });
});

describe('summaries', () => {
  it('sums the findings by village and rule with totals, then the ledger, and exports it', async () => {
    const s = await sample();
    const { page, service } = s;
    await page.locator('[data-nav="summary"]').click();
    const table = page.getByTestId('summary-table');
    await table.locator('.ant-table-row').first().waitFor();
    const total = (await service.listFindings({})).totalAmountFen;
    await expect.poll(() => page.getByTestId('summary-grand-total').textContent()).toBe(formatFen(total));
    await page.getByTestId('summary-source-ledger').click();
    const ledger = await service.summarize({ source: 'ledger', rows: 'village' });
    await expect.poll(() => page.getByTestId('summary-grand-total').textContent()).toBe(`¥${(ledger.totals.total.amountFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    expect(await table.locator('.ant-table-row').count()).toBe(ledger.lines.length);
    await choose(page, 'summary-columns', '年度');
    await expect.poll(() => table.locator('thead th').filter({ hasText: '2017' }).count()).toBe(1);
    s.shell.saveFile = join(s.dir, 'summary.xlsx');
    await page.getByTestId('summary-export').click();
    await page.getByTestId('summary-export-xlsx').click();
    await page.getByText(`已导出 ${ledger.lines.length} 行`).waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(s.shell.saveFile);
    const last = wb.worksheets[0]!.getRow(wb.worksheets[0]!.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    // A village line opens its ledger.
    await table.locator('.ant-table-row').first().click();
    await page.getByTestId('ledger-screen').waitFor();
  });
});

describe('sampling', () => {
  it('draws a seeded sample, records it in the trail, and extends it keeping what was drawn', async () => {
    const s = await sample();
    const { page, service } = s;
    await page.locator('[data-nav="sampling"]').click();
    await input(page, 'sample-size').fill('6');
    await input(page, 'sample-seed').fill('20261125');
    await page.getByTestId('sample-draw').click();
    const picks = page.getByTestId('sample-picks').locator('.ant-table-row');
    await expect.poll(() => picks.count()).toBe(6);
    const first = await picks.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')));
    expect(await page.getByTestId('sample-seed-value').textContent()).toBe('20261125');
    const trail = await service.listTrail({ entity: 'sample' });
    expect(trail.map((e) => e.action)).toEqual(['sample.draw']);
    expect(trail[0]).toMatchObject({ actor: '李审计', after: { method: 'random', seed: 20261125, size: 6 } });
    await expect.poll(() => page.getByTestId('sample-trail').locator('.ant-table-row').count()).toBe(1);

    await input(page, 'sample-add').fill('4');
    await page.getByTestId('sample-extend').click();
    await expect.poll(() => picks.count()).toBe(10);
    const after = await picks.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')));
    expect(after.slice(0, 6)).toEqual(first);
    // The same seed and population draw the same ten again.
    const again = await service.drawSample({ method: 'random', size: 10, seed: 20261125, population: {}, actor: 'x' });
    expect(again.picks.map((p) => p.key)).toEqual(after);
    // A voucher drawn opens the ledger around it.
    await page.getByTestId('pick-ledger').first().click();
    await expect.poll(() => page.getByTestId('ledger-anchor').textContent()).toContain('整张凭证');
  });
});

describe('undo, kept filters, saved filters, shortcuts', () => {
  it('undoes a confirm from the toast and a dismiss with Ctrl+Z', async () => {
    const s = await sample();
    const { page, service } = s;
    const rows = await findings(page);
    const a = (await rows.nth(0).getAttribute('data-row-key'))!;
    const b = (await rows.nth(1).getAttribute('data-row-key'))!;
    await page.keyboard.press('y');
    await expect.poll(async () => (await service.getFinding({ id: a })).status).toBe('confirmed');
    await page.getByTestId('review-undo').click();
    await expect.poll(async () => (await service.getFinding({ id: a })).status).toBe('pending');
    await page.getByTestId('undo-done').waitFor();
    await expect.poll(() => rows.nth(0).locator('[data-status]').getAttribute('data-status')).toBe('pending');
    // The active finding moved on to b; N dismisses it, Ctrl+Z takes it back.
    await expect.poll(() => page.getByTestId('finding-detail').getAttribute('data-finding-id')).toBe(b);
    await page.getByTestId('review-note').fill('复核无误');
    await page.getByTestId('review-dismiss').click();
    await expect.poll(async () => (await service.getFinding({ id: b })).status).toBe('dismissed');
    await page.locator('body').click({ position: { x: 5, y: 760 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await service.getFinding({ id: b })).status).toBe('pending');
    expect((await service.getFinding({ id: b })).note).toBeNull();
    const trail = (await service.listTrail({ entity: 'finding' })).filter((e) => e.entityId === a || e.entityId === b);
    expect(trail.map((e) => [e.entityId === a ? 'a' : 'b', (e.after as { status: string }).status])).toEqual([['a', 'confirmed'], ['a', 'pending'], ['b', 'dismissed'], ['b', 'pending']]);
  });

  it('keeps filters, sort and the active finding while elsewhere; saves a named filter; ? lists every shortcut', async () => {
    const s = await sample();
    const { page, service } = s;
    const rows = await findings(page);
    await choose(page, 'filter-status', '待审核');
    await page.keyboard.press('Escape');
    await input(page, 'filter-text').fill('赵湾村');
    await input(page, 'filter-text').press('Enter');
    const expected = await service.listFindings({ status: ['pending'], text: '赵湾村' });
    await expect.poll(() => page.getByTestId('findings-total').textContent()).toContain(`共 ${expected.total} 个疑点`);
    await page.getByTestId('findings-table').locator('th').filter({ hasText: '涉及金额' }).click();
    await rows.nth(1).click();
    const active = await rows.nth(1).getAttribute('data-row-key');

    await page.locator('[data-nav="projects"]').click();
    await page.getByTestId('projects-table').waitFor();
    await page.locator('[data-nav="findings"]').click();
    await expect.poll(() => page.getByTestId('findings-total').textContent()).toContain(`共 ${expected.total} 个疑点`);
    expect(await input(page, 'filter-text').inputValue()).toBe('赵湾村');
    await expect.poll(() => page.getByTestId('finding-detail').getAttribute('data-finding-id')).toBe(active);
    expect(await page.getByTestId('findings-table').locator('th[aria-sort="ascending"]').textContent()).toContain('涉及金额');

    await page.getByTestId('saved-filters').click();
    await page.getByTestId('saved-filter-save').click();
    await page.getByTestId('saved-filter-name').fill('赵湾村待审');
    await page.getByTestId('saved-filter-name').press('Enter');
    await page.getByTestId('filter-clear').click();
    const all = await service.listFindings({});
    await expect.poll(() => page.getByTestId('findings-total').textContent()).toContain(`共 ${all.total} 个疑点`);
    await page.getByTestId('saved-filters').click();
    await page.locator('[data-testid="saved-filter"][data-name="赵湾村待审"]').click();
    await expect.poll(() => page.getByTestId('findings-total').textContent()).toContain(`共 ${expected.total} 个疑点`);
    expect(JSON.parse(await page.evaluate(() => localStorage.getItem('va.savedFilters') ?? '[]'))).toEqual([
      { name: '赵湾村待审', query: { status: ['pending'], text: '赵湾村', sort: { by: 'amount', dir: 'asc' } } },
    ]);

    await page.locator('body').click({ position: { x: 5, y: 760 } });
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcuts-help');
    await help.waitFor();
    const keys = await help.locator('[data-shortcut]').evaluateAll((dd) => dd.map((d) => d.getAttribute('data-shortcut')));
    expect(keys).toEqual(['J', 'K', 'Y', 'N', 'U', 'L', 'Ctrl+Z', '/', 'Ctrl+Enter', 'Esc', '?', 'Ctrl+O', 'Ctrl+I']);
  });

  it('tells the shell the language, so the desktop menu and dialogs follow the switch', async () => {
    const s = await sample();
    await expect.poll(() => s.shell.lang).toBe('zh');
    await s.page.getByTestId('lang-switch').click();
    await expect.poll(() => s.shell.lang).toBe('en');
  });
});

/** Nothing in these cuts its text or breaks it over two lines: buttons, table headers, menu items, titles. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    // A label on two lines: its text's boxes do not share one top.
    const wraps = (el: Element): boolean => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll('.ant-btn, .ant-table-column-title, th.ant-table-cell, .ant-menu-title-content, .ant-segmented-item-label, .ant-card-head-title, .ant-statistic-title')) {
      const h = el as HTMLElement;
      if (!visible(h) || h.closest('.ant-table-measure-row')) continue;
      // A pinned cell's shadow lies outside it (and counts in its scroll width): only its wrapping is checked.
      if (h.tagName === 'TH' && getComputedStyle(h).position === 'sticky') {
        if (wraps(h)) out.push(`th: ${h.textContent}`);
        continue;
      }
      if (h.scrollWidth > h.clientWidth + 1 || h.scrollHeight > h.clientHeight + 2 || wraps(h)) out.push(`${h.className.split(' ')[0]}: ${h.textContent}`);
    }
    return out;
  });
}

describe('layout', () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 1440, height: 900 }]) {
    for (const lang of ['zh', 'en'] as const) {
      it(`at ${viewport.width}×${viewport.height} in ${lang}: status and checkbox pinned, the reason in view, line numbers on one line, no label cut`, async () => {
        const s = await sample({ lang, viewport });
        const { page } = s;
        expect(await clipped(page)).toEqual([]);
        const rows = await findings(page);
        await rows.first().click();
        const table = page.getByTestId('findings-table');
        const box = (await table.boundingBox())!;
        // No sideways scrolling: the reason's column ends inside the table.
        const reasonHead = table.locator('th').filter({ hasText: lang === 'zh' ? '疑点说明' : 'Reason' });
        const reason = (await reasonHead.boundingBox())!;
        expect(reason.x + reason.width).toBeLessThanOrEqual(box.x + box.width + 1);
        expect(reason.width).toBeGreaterThanOrEqual(200);
        const body = table.locator('.ant-table-body, .ant-table-tbody-virtual-holder').first();
        expect(await body.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
        // The checkbox and status columns stay put.
        const sticky = await table.locator('thead th').evaluateAll((ths) => ths.slice(0, 2).map((th) => getComputedStyle(th).position));
        expect(sticky).toEqual(['sticky', 'sticky']);
        const lineCells = page.getByTestId('voucher-lines').locator('tbody td.va-nowrap.va-mono');
        await lineCells.first().waitFor();
        for (const h of await lineCells.evaluateAll((tds) => tds.map((td) => ({ ws: getComputedStyle(td).whiteSpace, lines: Math.round(td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight || '20')) })))) {
          expect(h.ws).toBe('nowrap');
        }
        expect(await clipped(page)).toEqual([]);
        // Every other screen too, with leads and a rectification item to show.
        const all = (await s.service.listFindings({})).rows;
        await s.service.reviewFindings({ ids: all.map((f) => f.id), decision: 'confirmed', reviewer: '李审计' });
        await s.service.buildCaseLeads({ actor: '李审计' });
        const lead = (await s.service.listCaseLeads({}))[0]!;
        await s.service.createRectification({ leadNumber: lead.number, actor: '李审计' });
        const ready: Record<string, () => Promise<unknown>> = {
          ledger: () => page.getByTestId('ledger-table').locator('.ant-table-row').first().waitFor(),
          summary: () => page.getByTestId('summary-table').locator('.ant-table-row').first().waitFor(),
          sampling: () => page.getByTestId('sampling-screen').waitFor(),
          projects: () => page.getByTestId('projects-table').locator('.ant-table-row').first().waitFor(),
          leads: () => page.getByTestId('leads-table').locator('.ant-table-row').first().waitFor(),
          rectification: () => page.locator('.ant-table-row[data-rect]').first().waitFor(),
          settings: () => page.getByTestId('rule-banned-hospitality').waitFor(),
          import: () => page.getByTestId('pick-ledger').waitFor(),
        };
        for (const [screen, shown] of Object.entries(ready)) {
          await page.locator(`[data-nav="${screen}"]`).click();
          await shown();
          await page.waitForTimeout(200);
          expect(await clipped(page), screen).toEqual([]);
        }
      });
    }
  }
});

describe('the overview at district scale, and long actions', () => {
  it('shows 19 townships as horizontal bars and all 36 months, those without findings as zero', async () => {
    const s = await openApp({ browser: suite.browser, url: suite.url, viewport: { width: 1366, height: 768 }, storage: REVIEWER, overrides: { overview: async () => district() } });
    suite.session = s;
    const { page } = s;
    await page.getByTestId('ws-sample').click();
    await page.getByTestId('overview').waitFor();
    const townships = page.getByTestId('chart-township');
    await expect.poll(() => townships.getAttribute('data-bars')).toBe('19');
    await expect.poll(() => townships.locator('.va-category-tick').count()).toBe(19);
    const labels = await townships.locator('.va-category-tick').allTextContents();
    expect(labels).toEqual(district().byTownship.map((t) => t.township));
    const months = page.getByTestId('chart-month');
    expect(await months.getAttribute('data-bars')).toBe('36');
    const ticks = await months.locator('.va-time-tick').allTextContents();
    expect(ticks).toHaveLength(36);
    expect(ticks[0]).toBe('2016-01');
    expect(ticks[35]).toBe('2018-12');
    // Ticks never overlap: each starts right of the one before.
    const xs = await months.locator('.va-time-tick').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().right));
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(await clipped(page)).toEqual([]);
  });

  it('shows re-running the rules and building leads as busy until they finish', async () => {
    const rules = gate();
    const leads = gate();
    const s = await openApp({
      browser: suite.browser, url: suite.url, storage: REVIEWER,
      overrides: {
        runRules: async function (this: unknown) { await rules.promise; return { rules: [], notices: [], total: 0, totalAmountFen: 0, durationMs: 0 }; },
        buildCaseLeads: async () => { await leads.promise; return []; },
      },
    });
    suite.session = s;
    const { page } = s;
    await page.getByTestId('ws-sample').click();
    await page.getByTestId('overview').waitFor();
    await findings(page);
    await page.getByTestId('rerun-rules').click();
    await expect.poll(() => page.getByTestId('rerun-rules').getAttribute('class')).toContain('ant-btn-loading');
    rules.open();
    await expect.poll(() => page.getByTestId('rerun-rules').getAttribute('class')).not.toContain('ant-btn-loading');
    await page.locator('[data-nav="leads"]').click();
    await page.getByTestId('leads-build').click();
    await expect.poll(() => page.getByTestId('leads-build').getAttribute('class')).toContain('ant-btn-loading');
    leads.open();
    await expect.poll(() => page.getByTestId('leads-build').getAttribute('class')).not.toContain('ant-btn-loading');
  });
});
