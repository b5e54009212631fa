// End-to-end harness: the built renderer in Debian's Chromium, with a stand-in for the Electron
// preload. `window.audit` gets exactly the contract's methods; each call crosses
// `page.exposeBinding` to a real AuditService with a temp workspace in this process and comes
// back as an AuditResponse envelope, unwrapped in the page into a value or a thrown error.
// Events travel the other way through page.evaluate. Only the transport differs from the app.
import { createServer, type Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { AUDIT_METHODS, isAuditMethod, opensWorkspace, type AuditEvent, type AuditMethod, type AuditResponse } from '../../shared/contract';
import { handleCall, type IpcDeps } from '../../electron/ipc';
import { EngineError, errorPayload } from '../../shared/i18n/errors';
import { AuditService } from '../../shared/service';
import { sampleDistrict } from '../../fixtures/district-files';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Builds the renderer once into a fresh temp dir (so parallel runs never share output). */
export async function buildRenderer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'va-renderer-'));
  await build({
    configFile: join(ROOT, 'renderer/vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json',
};

/** A static file server on 127.0.0.1 at a random port. */
export async function serveDir(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir)) file = join(dir, 'index.html');
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('Chromium not found: apt-get install -y chromium fonts-noto-cjk');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** What the native dialogs and the recent list answer; a test sets these before clicking. */
export interface ShellAnswers {
  files: string[];
  directory: string | null;
  workspace: string | null;
  /** What the save dialog answers (chooseSaveFile). */
  saveFile: string | null;
  recent: string[];
  /** The language the renderer last reported (setLanguage), as the desktop menu would take it. */
  lang: 'zh' | 'en' | null;
}

export interface AppSession {
  page: Page;
  service: AuditService;
  shell: ShellAnswers;
  dir: string;
  /** Every bridge call made by the page, in order. */
  calls: AuditMethod[];
  /** Console errors and uncaught exceptions of the page (CSP violations show up here). */
  errors: string[];
  /** While set, importFile finishes its work but waits on this before answering. */
  holdImport: Promise<void> | null;
  close: () => Promise<void>;
}

/** Installed in the page before any of its scripts: the preload's job, over a binding. */
function installBridge(methods: string[]): void {
  type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; messageEn: string } };
  const w = window as unknown as Record<string, unknown> & { __audit: (method: string, args: unknown[]) => Promise<string> };
  const call = w.__audit;
  const listeners = new Set<(e: unknown) => void>();
  const api: Record<string, unknown> = {};
  for (const m of methods) {
    api[m] = async (...args: unknown[]) => {
      const r = JSON.parse(await call(m, args)) as Envelope;
      if (r.ok) return r.value;
      const err = new Error(r.error.message) as Error & { code: string; messageEn: string };
      err.name = 'AuditCallError';
      err.code = r.error.code;
      err.messageEn = r.error.messageEn;
      throw err;
    };
  }
  api.onEvent = (listener: (e: unknown) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  w.__auditEmit = (e: unknown) => listeners.forEach((l) => l(e));
  w.audit = Object.freeze(api);
}

export interface OpenOptions {
  browser: Browser;
  url: string;
  viewport?: { width: number; height: number };
  /** Set before the page loads, e.g. { 'va.lang': 'en', 'va.reviewer': '李审计' }. */
  storage?: Record<string, string>;
  /** Answers for engine methods that replace the engine's (only for volume tests of the UI). */
  overrides?: Partial<Record<AuditMethod, (...args: unknown[]) => unknown>>;
}

export async function openApp(opts: OpenOptions): Promise<AppSession> {
  const dir = mkdtempSync(join(tmpdir(), 'va-e2e-'));
  let page: Page | null = null;
  const emit = (e: AuditEvent) => {
    page?.evaluate((ev) => (window as unknown as { __auditEmit?: (x: unknown) => void }).__auditEmit?.(ev), e).catch(() => undefined);
  };
  const service = new AuditService({ onEvent: emit, sample: sampleDistrict(), sampleWorkspacePath: join(dir, 'sample.sqlite') });
  const shell: ShellAnswers = { files: [], directory: null, workspace: null, saveFile: null, recent: [], lang: null };
  const context = await opts.browser.newContext({ viewport: opts.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  const session: AppSession = {
    page, service, shell, dir, calls: [], errors: [], holdImport: null,
    close: async () => {
      await context.close();
      await service.closeWorkspace();
    },
  };
  page.on('console', (m) => { if (m.type() === 'error') session.errors.push(m.text()); });
  page.on('pageerror', (e) => session.errors.push(String(e)));
  // The shell's answers and the engine behind main's own IPC handling (sender check, zod
  // validation, shell or engine as the contract's table says): only the transport differs.
  const sender = {};
  const deps: IpcDeps = {
    ipcMain: null as never,
    mainWebContents: () => sender as never,
    shell: {
      chooseFiles: async () => shell.files,
      chooseDirectory: async () => shell.directory,
      chooseWorkspace: async () => shell.workspace,
      chooseSaveFile: async () => shell.saveFile,
      recentWorkspaces: async () => shell.recent,
      setLanguage: async ({ lang }) => { shell.lang = lang; },
    },
    engine: {
      async call(m: string, args: unknown[]): Promise<AuditResponse> {
        try {
          const fn = opts.overrides?.[m as AuditMethod] ?? (service as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[m];
          if (!fn) throw new Error(`engine lacks ${m}`);
          const value = await fn.apply(service, args);
          if (m === 'importFile' && session.holdImport) await session.holdImport;
          // The shell remembers opened workspaces for the recent list.
          if (opensWorkspace(m) && value && typeof value === 'object' && 'path' in value) {
            const p = String((value as { path: string }).path);
            shell.recent = [p, ...shell.recent.filter((x) => x !== p)];
          }
          return { ok: true, value };
        } catch (e) {
          return { ok: false, error: errorPayload(e) };
        }
      },
    },
  };
  // The envelope crosses as JSON text: Playwright's own value serialiser is far slower than
  // Electron's structured clone on 100,000-row answers, and contract values are plain data.
  await page.exposeBinding('__audit', async (_src, method: string, args: unknown[]): Promise<string> => JSON.stringify(await answer(method, args)));
  async function answer(method: string, args: unknown[]): Promise<AuditResponse> {
    if (!isAuditMethod(method)) return { ok: false, error: errorPayload(new EngineError('forbidden', 'err.forbidden')) };
    session.calls.push(method);
    return handleCall(deps, method, { sender: sender as never }, args);
  }
  await page.addInitScript(installBridge, AUDIT_METHODS as string[]);
  if (opts.storage) {
    await page.addInitScript((s: Record<string, string>) => {
      for (const [k, v] of Object.entries(s)) if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
    }, opts.storage);
  }
  await page.goto(opts.url);
  await page.getByTestId('lang-switch').waitFor();
  return session;
}

/** A gate the test opens when it has seen what it wanted to see. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((ok) => { open = ok; });
  return { promise, open };
}

/** Creates a plain workspace from the Start screen, waits for the import screen it leads to, and gives its path. */
export async function newWorkspace(s: AppSession, name = 'audit.sqlite'): Promise<string> {
  const path = join(s.dir, name);
  s.shell.workspace = path;
  await s.page.getByTestId('ws-create').click();
  // A new workspace offers a password; these tests keep it plain. The dialog is clicked once its
  // opening animation has ended (on a loaded machine a click during it was seen to be lost).
  const none = s.page.getByTestId('password-none');
  await none.waitFor();
  await s.page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
  await none.click();
  await s.page.getByTestId('pick-ledger').waitFor();
  return path;
}
