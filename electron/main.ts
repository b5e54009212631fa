// The desktop shell: one hardened window showing the packaged renderer, the engine in a worker
// thread, one IPC handler per contract method.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type BrowserWindowConstructorOptions } from 'electron';
import type { AuditEvent, AuditResponse } from '../shared/contract/envelope';
import type { Lang } from '../shared/contract/types';
import { EVENT_CHANNEL, opensWorkspace } from '../shared/contract/methods';
import { t } from '../shared/i18n/messages';
import { EngineClient, ENGINE_RESOURCE_LIMITS } from './engine-client';
import { registerAuditHandlers, type EngineCaller } from './ipc';
import { menuTemplate } from './menu';
import { printHtmlToPdf } from './pdf';
import { lockNavigation, lockSession } from './security';
import { RecentWorkspaces, shellHandlers, shellLanguage } from './shell';
import { mainWindowOptions } from './window-options';

type MenuAction = Extract<AuditEvent, { type: 'menu' }>['action'];

// Bundled next to each other in dist-electron/ (see electron/build.ts).
const here = __dirname;
const rendererIndex = join(here, '..', 'dist', 'renderer', 'index.html');

let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(join(here, 'preload.cjs')));
  lockNavigation(win, () => win.webContents.getURL());
  win.once('ready-to-show', () => win.show());
  void win.loadFile(rendererIndex);
  return win;
}

function startEngine(): EngineClient {
  const resources = app.isPackaged ? process.resourcesPath : join(here, '..');
  return new EngineClient(
    () => new Worker(join(here, 'engine-worker.cjs'), {
      workerData: {
        sampleDir: join(resources, 'fixtures', 'district'), sampleWorkspacePath: join(app.getPath('userData'), 'sample-district.sqlite'),
        // Big ledgers are parsed in a second worker while the engine writes (shared/workspace/parse-client.ts).
        parseWorker: join(here, 'parse-worker.cjs'),
      },
      resourceLimits: ENGINE_RESOURCE_LIMITS,
    }),
    (event) => mainWindow?.webContents.send(EVENT_CHANNEL, event),
    (html) => printHtmlToPdf((o: BrowserWindowConstructorOptions) => new BrowserWindow(o), html),
  );
}

/** Opened workspaces go to the recent list. */
function rememberWorkspaces(engine: EngineCaller, recent: RecentWorkspaces): EngineCaller {
  return {
    async call(method, args): Promise<AuditResponse> {
      const r = await engine.call(method, args);
      if (r.ok && opensWorkspace(method)) {
        const path = (r.value as { path?: string } | null)?.path;
        if (path) recent.add(path);
      }
      return r;
    },
  };
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Any other web contents (the hidden PDF printer) never navigates on its own; the main
    // window's own rule is in lockNavigation.
    contents.on('will-navigate', (event) => {
      if (contents !== mainWindow?.webContents) event.preventDefault();
    });
  });
  void app.whenReady().then(() => {
    lockSession(session.defaultSession);
    const engine = startEngine();
    const recent = new RecentWorkspaces(join(app.getPath('userData'), 'recent-workspaces.json'));
    const send = (action: MenuAction) => () => mainWindow?.webContents.send(EVENT_CHANNEL, { type: 'menu', action } satisfies AuditEvent);
    // The menu in the UI's language: built now in Chinese, again whenever the renderer switches.
    const language = shellLanguage((lang) => applyMenu(lang));
    const applyMenu = (lang: Lang): void => Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
      openWorkspace: send('open-workspace'),
      importLedgers: send('import-ledgers'),
      exportPackage: send('export-package'),
      importPackage: send('import-package'),
      about: () => void dialog.showMessageBox({ message: `${t('zh', 'ui.app.title')} ${t('en', 'ui.app.title')}`, detail: t(language.get(), 'shell.version', { version: app.getVersion() }) }),
    }, lang)));
    registerAuditHandlers({
      ipcMain,
      mainWebContents: () => mainWindow?.webContents ?? null,
      engine: rememberWorkspaces(engine, recent),
      shell: shellHandlers(dialog, () => mainWindow, recent, language),
    });
    applyMenu(language.get());
    mainWindow = createWindow();
    app.on('window-all-closed', () => {
      void engine.stop().finally(() => app.quit());
    });
  });
}
