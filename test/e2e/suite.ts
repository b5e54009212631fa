// What every end-to-end file sets up: the renderer built once and served, one Chromium, and each
// test's session closed after it, its console errors and React/antd warnings failing the test.
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { buildRenderer, launchBrowser, openApp, serveDir, type AppSession, type OpenOptions } from './harness';

export interface Suite {
  browser: Browser;
  url: string;
  /** The test's session; closed (and its errors checked) after the test. */
  session: AppSession | null;
}

export function e2eSuite(): Suite {
  const suite: Suite = { browser: null as unknown as Browser, url: '', session: null };
  let server: Server | undefined;
  beforeAll(async () => {
    const dir = await buildRenderer();
    ({ url: suite.url, server } = await serveDir(dir));
    suite.browser = await launchBrowser();
  });
  afterEach(async () => {
    const errors = suite.session?.errors ?? [];
    await suite.session?.close();
    suite.session = null;
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    server?.close();
  });
  return suite;
}

/** The same, for a file whose tests each open one session: `open` starts it on the served build. */
export function appSuite(): { open: (o?: Omit<OpenOptions, 'browser' | 'url'>) => Promise<AppSession> } {
  const suite = e2eSuite();
  return { open: async (o = {}) => (suite.session = await openApp({ browser: suite.browser, url: suite.url, ...o })) };
}

/** Creates a plain workspace from the Start screen and waits for the import screen it leads to. */
export async function newWorkspace(s: AppSession): Promise<void> {
  s.shell.workspace = join(s.dir, 'audit.sqlite');
  await s.page.getByTestId('ws-create').click();
  // A new workspace offers a password; these tests keep it plain. The dialog is clicked once its
  // opening animation has ended (on a loaded machine a click during it was seen to be lost).
  const none = s.page.getByTestId('password-none');
  await none.waitFor();
  await s.page.locator('.ant-modal').filter({ has: none }).evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  await s.page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
  await none.click();
  await s.page.getByTestId('pick-ledger').waitFor();
}
