// `npm run screenshots`: a PNG of every screen, in Chinese and in English, with the sample
// district's real data, written to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { district } from '../helpers';
import { buildRenderer, gate, launchBrowser, openApp, ROOT, serveDir } from './harness';

const OUT = join(ROOT, 'docs/screenshots');
type Lang = 'zh' | 'en';

async function shoot(browser: Browser, url: string, lang: Lang): Promise<string[]> {
  const written: string[] = [];
  const s = await openApp({ browser, url, storage: { 'va.lang': lang, 'va.reviewer': lang === 'zh' ? '李审计' : 'Li (auditor)' } });
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
    s.shell.workspace = join(s.dir, 'inspection-2026.sqlite');
    await page.getByTestId('ws-create').click();
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
    await page.getByRole('button', { name: s.shell.workspace }).waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' }).catch(() => undefined);
    await save('1-start');
    await page.getByTestId('ws-sample').click();
    await page.getByTestId('overview').waitFor();
    // A team a few days in: some findings decided, so review progress shows.
    const reviewer = lang === 'zh' ? '李审计' : 'Li (auditor)';
    const all = (await s.service.listFindings({ sort: { by: 'date', dir: 'asc' } })).rows;
    await s.service.reviewFindings({ ids: all.slice(0, 4).map((f) => f.id), decision: 'confirmed', reviewer });
    await s.service.reviewFindings({ ids: all.slice(4, 6).map((f) => f.id), decision: 'dismissed', reviewer });
    await nav('projects');
    await nav('overview');
    await page.getByTestId('overview').waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await save('3-overview');

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

    await nav('projects');
    await page.getByTestId('projects-table').locator('.ant-table-row').first().waitFor();
    await save('5-projects');
    await nav('settings');
    await page.getByTestId('rule-banned-hospitality').waitFor();
    await save('6-settings');
  } finally {
    await s.close();
  }
  return written;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dir = await buildRenderer();
  const { url, server } = await serveDir(dir);
  const browser = await launchBrowser();
  try {
    for (const lang of ['zh', 'en'] as const) {
      for (const p of await shoot(browser, url, lang)) console.log(p);
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
