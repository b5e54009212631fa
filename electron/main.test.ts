// main.ts wired with electron mocked: single instance, locked session, one handler per method,
// the Chinese menu, and the window loading the packaged renderer file (never a URL).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_METHODS, channelOf } from '../shared/contract/methods';
import { tempDir } from '../test/helpers';

const state = vi.hoisted(() => ({
  lock: true,
  quit: 0,
  appHandlers: {} as Record<string, (...a: unknown[]) => void>,
  ipc: new Set<string>(),
  handlers: {} as Record<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>,
  windows: [] as { options: { webPreferences?: Record<string, unknown> }; loaded: string[]; loadedUrls: string[] }[],
  menu: null as unknown,
  session: { permissionDenied: false, csp: false },
  userData: '',
}));

vi.mock('electron', () => {
  class BrowserWindow {
    loaded: string[] = [];
    loadedUrls: string[] = [];
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), getURL: () => '', send: vi.fn() };
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) { state.windows.push(this); }
    once(): void {}
    async loadFile(f: string): Promise<void> { this.loaded.push(f); }
    async loadURL(u: string): Promise<void> { this.loadedUrls.push(u); }
  }
  return {
    app: {
      requestSingleInstanceLock: () => state.lock,
      quit: () => { state.quit++; },
      on: (name: string, fn: (...a: unknown[]) => void) => { state.appHandlers[name] = fn; },
      whenReady: () => Promise.resolve(),
      getPath: () => state.userData,
      getVersion: () => '0.1.0',
      isPackaged: false,
    },
    BrowserWindow,
    dialog: {},
    ipcMain: {
      handle: (ch: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => { state.ipc.add(ch); state.handlers[ch] = fn; },
      removeHandler: (ch: string) => state.ipc.delete(ch),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => { state.menu = m; } },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => { state.session.permissionDenied = true; },
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: () => { state.session.csp = true; } },
      },
    },
  };
});

async function loadMain(): Promise<void> {
  vi.resetModules();
  await import('./main');
  await new Promise((r) => setImmediate(r));
}

describe('main process', () => {
  beforeEach(() => {
    Object.assign(state, { lock: true, quit: 0, appHandlers: {}, ipc: new Set(), handlers: {}, windows: [], menu: null, session: { permissionDenied: false, csp: false }, userData: tempDir() });
  });

  it('starts one hardened window on the packaged renderer, with every handler, the session locked and the menu set', async () => {
    await loadMain();
    expect(state.quit).toBe(0);
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(win.options.webPreferences!.preload)).toMatch(/preload\.cjs$/);
    expect(win.loaded).toHaveLength(1);
    expect(win.loaded[0]!.replace(/\\/g, '/')).toMatch(/dist\/renderer\/index\.html$/);
    expect(win.loadedUrls).toEqual([]);
    expect([...state.ipc].sort()).toEqual(AUDIT_METHODS.map(channelOf).sort());
    expect(state.session).toEqual({ permissionDenied: true, csp: true });
    expect((state.menu as { label: string }[]).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    // The renderer reports its language (setLanguage, a shell method): the menu is built again in it.
    const answer = await state.handlers[channelOf('setLanguage')]!({ sender: (win as unknown as { webContents: unknown }).webContents }, { lang: 'en' });
    expect(answer).toEqual({ ok: true });
    expect((state.menu as { label: string }[]).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(Object.keys(state.appHandlers)).toEqual(expect.arrayContaining(['second-instance', 'web-contents-created', 'window-all-closed']));
    // Every web contents, not only the main window's, refuses new windows.
    let open: (() => unknown) | null = null;
    let navigate: ((e: { preventDefault: () => void }) => void) | null = null;
    state.appHandlers['web-contents-created']!({}, { setWindowOpenHandler: (fn: () => unknown) => { open = fn; }, on: (_n: string, fn: typeof navigate) => { navigate = fn; } });
    expect(open!()).toEqual({ action: 'deny' });
    const away = { preventDefault: vi.fn() };
    navigate!(away);
    expect(away.preventDefault).toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    state.lock = false;
    await loadMain();
    expect(state.quit).toBe(1);
    expect(state.windows).toEqual([]);
    expect(state.ipc.size).toBe(0);
  });
});
