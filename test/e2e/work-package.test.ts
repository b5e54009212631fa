// Work packages end to end, in the real UI over a real engine: laptop A exports its work from the
// Start screen (villages, password twice, progress, the file's SHA-256); laptop B, which decided
// one finding the other way, refuses a wrong password with nothing written, merges with the right
// one, is shown the conflict side by side and resolves it; the overview rolls the district up.
// Then the same import from the desktop menu's event, into a workspace created on the way.
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer, launchBrowser, openApp, serveDir, type AppSession } from './harness';

let browser: Browser;
let server: Server;
let url: string;
const sessions: AppSession[] = [];
const PASSWORD = 'laptop-to-laptop';

beforeAll(async () => {
  const dir = await buildRenderer();
  ({ url, server } = await serveDir(dir));
  browser = await launchBrowser();
});

afterEach(async () => {
  const errors = sessions.flatMap((s) => s.errors);
  for (const s of sessions.splice(0)) await s.close();
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function laptop(reviewer: string): Promise<AppSession> {
  const s = await openApp({ browser, url, storage: { 'va.reviewer': reviewer } });
  sessions.push(s);
  await s.page.getByTestId('ws-sample').click();
  await s.page.getByTestId('overview').waitFor();
  await s.page.locator('[data-nav="start"]').click();
  return s;
}

/** Laptop A's package, written through the export dialog. */
async function exportFrom(a: AppSession, path: string): Promise<void> {
  const { page } = a;
  a.shell.saveFile = path;
  await page.getByTestId('package-export').click();
  await expect.poll(() => page.getByTestId('package-village').count()).toBeGreaterThan(5);
  await page.getByTestId('package-password').fill(PASSWORD);
  await page.getByTestId('package-password-again').fill(PASSWORD);
  await page.getByTestId('package-export-go').click();
  await page.getByTestId('package-export-done').waitFor();
  expect(await page.getByTestId('package-export-done').textContent()).toMatch(/SHA-256 [0-9a-f]{64}/);
  expect(existsSync(path)).toBe(true);
  await page.getByTestId('package-export-go').click();
}

describe('work packages in the app', () => {
  it('exports on one laptop and merges on another: a wrong password refused, the conflict shown and resolved, the roll-up', async () => {
    const a = await laptop('张审计');
    const b = await laptop('李审计');
    const findings = (await a.service.listFindings({ limit: 100 })).rows;
    const x = findings.find((f) => f.village === '石板冲村') as (typeof findings)[number];
    const zhaowan = findings.filter((f) => f.village === '赵湾村').map((f) => f.id);
    await a.service.reviewFindings({ ids: [x.id, ...zhaowan], decision: 'confirmed', reviewer: '张审计' });
    await b.service.reviewFindings({ ids: [x.id], decision: 'dismissed', reviewer: '李审计', note: '已见正式发票' });

    const pkg = join(a.dir, 'A.vapkg');
    await exportFrom(a, pkg);

    const { page } = b;
    const reviewsBefore = (await b.service.listTrail({})).length;
    b.shell.files = [pkg];
    await page.getByTestId('package-import').click();
    await page.getByTestId('package-choose').click();
    await expect.poll(() => page.getByTestId('package-file').textContent()).toBe(pkg);
    await page.getByTestId('package-import-password').fill('not-the-password');
    await page.getByTestId('package-import-go').click();
    await expect.poll(() => page.getByTestId('package-error').textContent()).toContain('密码不正确');
    expect((await b.service.listTrail({})).length).toBe(reviewsBefore);

    await page.getByTestId('package-import-password').fill(PASSWORD);
    await page.getByTestId('package-import-go').click();
    await page.getByTestId('package-import-done').waitFor();
    expect(await page.getByTestId('package-import-message').textContent()).toContain('待裁决冲突 1 个');
    // Both sides, side by side; B's dismissal stands until someone decides.
    const list = page.getByTestId('conflict-list');
    expect(await list.textContent()).toContain('已排除');
    expect(await list.textContent()).toContain('已确认');
    expect(await list.textContent()).toContain('张审计');
    expect((await b.service.getFinding({ id: x.id })).status).toBe('dismissed');
    // 赵湾村's decisions, undecided here, were taken.
    expect((await b.service.getFinding({ id: zhaowan[0] as string })).status).toBe('confirmed');
    await list.getByTestId('conflict-confirm').click();
    await expect.poll(async () => (await b.service.getFinding({ id: x.id })).status).toBe('confirmed');
    await expect.poll(() => list.textContent()).toContain('已裁决');
    expect((await b.service.getFinding({ id: x.id })).history.map((h) => h.reviewer)).toEqual(['张审计', '李审计', '李审计']);
    await page.getByTestId('package-import-go').click();

    // The overview: the roll-up with the district's total, and no conflict left.
    await page.locator('[data-nav="overview"]').click();
    await page.getByTestId('rollup').waitFor();
    await expect.poll(() => page.getByTestId('rollup-village').allTextContents()).toContain('全区合计');
    expect(await page.getByTestId('open-conflicts').count()).toBe(0);
    b.shell.saveFile = join(b.dir, '全区汇总.xlsx');
    await page.getByTestId('rollup-export').click();
    await expect.poll(() => existsSync(join(b.dir, '全区汇总.xlsx'))).toBe(true);
    expect((await b.service.verifyWorkspace()).ok).toBe(true);
  });

  it('imports from the desktop menu\'s event into a workspace created on the way, in English', async () => {
    const a = await laptop('张审计');
    const pkg = join(a.dir, 'A.vapkg');
    await exportFrom(a, pkg);
    const c = await openApp({ browser, url, storage: { 'va.reviewer': '王组长', 'va.lang': 'en' } });
    sessions.push(c);
    const { page } = c;
    // No workspace yet: the Start screen's import asks for one first (a new one, without password).
    c.shell.workspace = join(c.dir, 'district.sqlite');
    await page.getByTestId('package-import').click();
    await page.getByTestId('password-none').click();
    await page.getByTestId('package-choose').waitFor();
    await page.keyboard.press('Escape');
    // The menu's 文件 → 导入工作包… arrives as an engine event.
    await page.evaluate(() => (window as unknown as { __auditEmit: (e: unknown) => void }).__auditEmit({ type: 'menu', action: 'import-package' }));
    c.shell.files = [pkg];
    await page.getByTestId('package-choose').click();
    await page.getByTestId('package-import-password').fill(PASSWORD);
    await page.getByTestId('package-import-go').click();
    await page.getByTestId('package-import-done').waitFor();
    expect(await page.getByTestId('package-import-message').textContent()).toMatch(/Merged the work package A\.vapkg of .*: 4 source files added/);
    expect((await c.service.listFiles()).length).toBe(4);
    expect((await c.service.verifyWorkspace()).ok).toBe(true);
  });
});
