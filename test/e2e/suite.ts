// What every end-to-end file sets up: the renderer built once and served, one Chromium, and each
// test's session closed after it, its console errors and React/antd warnings failing the test.
import type { Server } from 'node:http';
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

