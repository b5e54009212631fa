// What every end-to-end file sets up: the renderer built and served, one Chromium; after each test
// its session closed, and the page's errors (React and antd warnings, CSP violations, uncaught
// exceptions) failing it. `open` starts a session on the served build.
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { buildRenderer, launchBrowser, openApp, serveDir, type AppSession, type OpenOptions } from './harness';

export function appSuite(): { open: (o?: Omit<OpenOptions, 'browser' | 'url'>) => Promise<AppSession> } {
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
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
  return { open: async (o = {}) => (session = await openApp({ browser, url, ...o })) };
}
