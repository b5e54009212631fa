// `npm run screenshots`: a PNG of every screen, in Chinese and in English, with the sample
// district's real data, at 1366×768 (the inspection teams' laptops), written to docs/screenshots/.
// The district-scale overview (15-overview-district) is a synthetic district of 19 townships and
// 280 villages over 36 months, imported and audited by the same engine.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { AuditService } from '../../shared/service';
import { writeSyntheticLedger } from '../bench/synthetic';
import { district } from '../helpers';
import { buildRenderer, gate, launchBrowser, newWorkspace, openApp, ROOT, serveDir, type AppSession } from './harness';

const OUT = join(ROOT, 'docs/screenshots');
const VIEWPORT = { width: 1366, height: 768 };
type Lang = 'zh' | 'en';

async function shoot(browser: Browser, url: string, lang: Lang): Promise<string[]> {
  const written: string[] = [];
  const s = await openApp({ browser, url, viewport: VIEWPORT, storage: { 'va.lang': lang, 'va.reviewer': lang === 'zh' ? '李审计' : 'Li (auditor)' } });
  const { page } = s;
  // Toasts belong to a moment, not to a screen: keep them out of the pictures.
  await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
  const save = async (name: string) => {
    await page.waitForTimeout(300); // let antd's enter transitions settle
    const path = join(OUT, `${name}-${lang}.png`);
    await page.screenshot({ path });
    written.push(path);
  };
  const nav = async (screen: string) => {
    await page.locator(`[data-nav="${screen}"]`).click();
  };
  try {
    // Import: a fresh workspace, the GB18030 ledger previewed and imported, the rules run.
    const workspace = await newWorkspace(s, 'inspection-2026.sqlite');
    s.shell.files = [district.shibanchong];
    await page.getByTestId('pick-ledger').click();
    await page.getByTestId('preview-table').waitFor();
    await save('2-import-preview');
    const hold = gate();
    s.holdImport = hold.promise; // the engine has finished; the answer waits until the picture is taken
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid="import-progress"][data-percent="100"]').waitFor();
    await save('2-import-progress');
    hold.open();
    s.holdImport = null;
    await page.getByTestId('rules-summary').waitFor();
    await save('2-import-result');

    // Start, with the recent list, then the sample district for every other screen.
    await nav('start');
    await page.getByRole('button', { name: workspace }).waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' }).catch(() => undefined);
    await save('1-start');
    await page.getByTestId('ws-sample').click();
    await page.getByTestId('overview').waitFor();
    // A team a few days in: some findings decided, so review progress shows.
    const reviewer = lang === 'zh' ? '李审计' : 'Li (auditor)';
    const all = (await s.service.listFindings({ sort: { by: 'date', dir: 'asc' } })).rows;
    await s.service.reviewFindings({ ids: all.slice(0, 4).map((f) => f.id), decision: 'confirmed', reviewer });
    await s.service.reviewFindings({ ids: all.slice(4, 6).map((f) => f.id), decision: 'dismissed', reviewer, note: '已补附件：原始发票在档案盒 3 号' });
    await nav('projects');
    await nav('overview');
    await page.getByTestId('overview').waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await save('3-overview');
    // The ranking with one village's score opened: what makes it up, and what could not be checked there.
    await page.locator('.ant-table-row[data-row-key="石板冲乡/赵湾村"]').click();
    await page.getByTestId('risk-explain').waitFor();
    await page.getByTestId('risk-explain').scrollIntoViewIfNeeded();
    await save('12-ranking');

    await nav('findings');
    const rows = page.getByTestId('findings-table').locator('.ant-table-row[data-row-key]');
    await rows.first().waitFor();
    const overpaid = (await s.service.listFindings({ rule: ['payment-exceeds-acceptance'] })).rows[0];
    if (overpaid) {
      await s.service.reviewFindings({ ids: [overpaid.id], decision: 'confirmed', note: lang === 'zh' ? '实地复测 1800 米，与验收资料不符' : 'Re-measured on site: 1800 m', reviewer: lang === 'zh' ? '李审计' : 'Li (auditor)' });
      await page.getByTestId('rerun-rules').click();
      await page.locator(`[data-row-key="${overpaid.id}"]`).click();
      await page.getByTestId('project-figures').waitFor();
    }
    await save('4-findings');
    await page.locator('body').click({ position: { x: 5, y: VIEWPORT.height - 5 } });
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-help').waitFor();
    await save('16-shortcuts');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts-help').waitFor({ state: 'hidden' });

    await shootAnalytics(s, lang, save, nav);

    await nav('projects');
    await page.getByTestId('projects-table').locator('.ant-table-row').first().waitFor();
    await save('5-projects');
    await nav('settings');
    await page.getByTestId('rule-banned-hospitality').waitFor();
    await save('6-settings');
    // A Benford finding: 桃园村's first digits against the law, opened from the ranking.
    await nav('overview');
    await page.locator('.ant-table-row[data-row-key="顺河镇/桃园村"]').getByTestId('risk-open').click();
    await page.getByTestId('benford-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.mouse.move(0, 0); // no tooltip in the picture
    await save('13-benford');
    // The roll-up under the overview: per group, township and village, a village whose books were never imported said so.
    await nav('overview');
    await page.getByTestId('rollup').locator('.ant-table-row').first().waitFor();
    await page.getByTestId('rollup').scrollIntoViewIfNeeded();
    await save('17-rollup');

    await shootLeadsAndLedger(s, lang, save, nav);
  } finally {
    await s.close();
  }
  return written;
}

/** The ledger around the overpaid road, a summary of the findings, a monetary-unit sample. */
async function shootAnalytics(s: AppSession, lang: Lang, save: (name: string) => Promise<void>, nav: (screen: string) => Promise<void>): Promise<void> {
  const { page } = s;
  // The active finding is the overpaid road: L opens the ledger around its payments.
  await page.keyboard.press('l');
  await page.getByTestId('ledger-anchor').waitFor();
  await page.getByTestId('ledger-table').locator('tr.va-row-marked').first().waitFor();
  await save('12-ledger');
  await nav('summary');
  await page.getByTestId('summary-table').locator('.ant-table-row').first().waitFor();
  await save('13-summary');
  await nav('sampling');
  await page.getByTestId('sample-method').getByText(lang === 'zh' ? '货币单位抽样' : 'Monetary-unit').click();
  await page.locator('[data-testid="sample-size"] input, input[data-testid="sample-size"]').first().fill('20');
  await page.locator('[data-testid="sample-seed"] input, input[data-testid="sample-seed"]').first().fill('20261125');
  await page.getByTestId('sample-draw').click();
  await page.getByTestId('sample-picks').locator('.ant-table-row').first().waitFor();
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' }).catch(() => undefined);
  await save('14-sampling');
}

/**
 * The overview of a real district's shape through the real engine: the bench's synthetic ledger
 * (19 townships, 280 villages, 2016–2018) at 100,000 lines, imported and audited beforehand, then
 * opened from the Start screen like any workspace.
 */
async function shootDistrict(browser: Browser, url: string, lang: Lang, workspace: string): Promise<string> {
  const s = await openApp({ browser, url, viewport: VIEWPORT, storage: { 'va.lang': lang } });
  try {
    await s.page.addStyleTag({ content: '.ant-message { display: none !important; }' });
    s.shell.workspace = workspace;
    await s.page.getByTestId('ws-open').click();
    await s.page.getByTestId('overview').waitFor();
    await s.page.locator('.recharts-bar-rectangle').first().waitFor();
    // The charts, below the risk ranking, are what a district's scale tests (19 townships' bars, 36 months' axis).
    await s.page.getByTestId('chart-rule').evaluate((el) => el.closest('.ant-card')?.scrollIntoView({ block: 'start' }));
    // The pointer, left where Open was clicked, would hover a bar once the charts scroll under it.
    await s.page.mouse.move(4, VIEWPORT.height - 4);
    await s.page.waitForTimeout(300);
    const path = join(OUT, `15-overview-district-${lang}.png`);
    await s.page.screenshot({ path });
    return path;
  } finally {
    await s.close();
  }
}

/** The synthetic district imported and audited into a workspace of its own (its file is written once). */
async function districtWorkspace(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'va-district-'));
  const ledger = join(dir, 'district-100000.csv');
  await writeSyntheticLedger(ledger, 100_000);
  const path = join(dir, 'district.sqlite');
  const service = new AuditService();
  await service.openWorkspace({ path, create: true });
  const r = await service.importFile({ path: ledger, kind: 'ledger' });
  if (r.status !== 'imported') throw new Error(`district import: ${r.message}`);
  await service.runRules();
  await service.closeWorkspace();
  return path;
}

/**
 * Leads, a lead's page, handoffs, and a rectification ledger a few weeks in. The engine's clock
 * is moved per step so the progress chart has a history.
 */
async function shootLeadsAndLedger(s: AppSession, lang: Lang, save: (name: string) => Promise<void>, nav: (screen: string) => Promise<void>): Promise<void> {
  const { page, service } = s;
  const actor = lang === 'zh' ? '李审计' : 'Li (auditor)';
  const setDay = (day: string) => { (service as unknown as { now: () => string }).now = () => `${day}T09:30:00.000Z`; };
  const pending = (await service.listFindings({ status: ['pending'] })).rows.map((f) => f.id);
  if (pending.length > 0) await service.reviewFindings({ ids: pending, decision: 'confirmed', reviewer: actor });
  setDay('2026-11-02');
  await service.buildCaseLeads({ actor });
  await nav('leads');
  await page.getByTestId('leads-table').locator('.ant-table-row[data-lead]').first().waitFor();
  await save('7-leads');
  const number = (await service.listCaseLeads({})).find((l) => l.problem.includes('裕民路'))?.number ?? '';
  await page.locator(`.ant-table-row[data-lead="${number}"]`).click();
  await page.getByTestId('lead-findings').locator('.ant-table-row').first().waitFor();
  await save('8-lead');
  await page.locator('.ant-drawer-close').click();

  setDay('2026-11-03');
  await service.handoffLeads({ dir: join(s.dir, 'handoff'), handedBy: actor, fromUnit: '裕安区委第三巡察组' });
  const all = await service.listCaseLeads({});
  const leads = [...all.slice(0, 7), ...all.filter((l) => l.number === number)];
  const items = [];
  for (const [i, l] of leads.entries()) {
    setDay(`2026-11-0${4 + Math.floor(i / 3)}`);
    items.push(await service.createRectification({ leadNumber: l.number, dueDate: i === 2 ? '2026-11-20' : '2026-12-31', measures: '退回违规款项，完善报账手续', actor }));
  }
  const yumin = items.find((it) => it.leadNumber === number);
  for (const [i, it] of items.entries()) {
    if (i % 2 === 0 && it !== yumin) {
      setDay('2026-11-12');
      await service.updateRectification({ id: it.id, patch: { progress: '整改中', recoveredFen: Math.floor(it.amountAtIssueFen / 2) }, actor });
    }
  }
  if (yumin) {
    setDay('2026-11-16');
    await service.updateRectification({ id: yumin.id, patch: { progress: '整改中', recoveredFen: 2_000_000 }, actor });
    setDay('2026-11-20');
    await service.updateRectification({ id: yumin.id, patch: { recoveredFen: 4_620_000 }, actor });
    setDay('2026-11-23');
    const receipt = join(s.dir, lang === 'zh' ? '追缴收据-裕民路.pdf' : 'receipt-yumin-road.pdf');
    writeFileSync(receipt, '%PDF-1.4 receipt');
    await service.addRectificationEvidence({ id: yumin.id, path: receipt, actor });
    await service.closeRectification({ id: yumin.id, note: lang === 'zh' ? '已全额追缴 ¥46,200.00，见收据' : 'Fully recovered, ¥46,200.00; receipt filed', actor });
  }
  const other = items.find((it, i) => i % 2 === 1 && it !== yumin);
  if (other) {
    setDay('2026-11-24');
    await service.updateRectification({ id: other.id, patch: { progress: '已完成', recoveredFen: other.amountAtIssueFen }, actor });
  }
  setDay('2026-11-25');
  await nav('leads');
  await page.locator('[data-tab="handoffs"]').click();
  await page.getByTestId('handoffs-table').locator('.ant-table-row').first().waitFor();
  await save('9-handoffs');
  await nav('rectification');
  await page.getByTestId('rect-progress-chart').locator('.recharts-bar-rectangle').first().waitFor();
  await save('10-rectification');
  if (yumin) {
    await page.locator(`.ant-table-row[data-rect="${yumin.id}"]`).click();
    await page.getByTestId('rect-closed').waitFor();
    await save('11-rectification-item');
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dir = await buildRenderer();
  const { url, server } = await serveDir(dir);
  const browser = await launchBrowser();
  const districtWs = await districtWorkspace();
  try {
    for (const lang of ['zh', 'en'] as const) {
      for (const p of await shoot(browser, url, lang)) console.log(p);
      console.log(await shootDistrict(browser, url, lang, districtWs));
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
