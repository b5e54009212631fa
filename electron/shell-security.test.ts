// The window's options, its navigation and session locks, and the menu: checked with electron mocked.
import { describe, expect, it, vi } from 'vitest';
import { lockNavigation, lockSession } from './security';
import { CONTENT_SECURITY_POLICY, mainWindowOptions } from './window-options';
import { menuTemplate } from './menu';

vi.mock('electron', () => ({}));

describe('main window', () => {
  it('isolates the renderer from Node', () => {
    const o = mainWindowOptions('/app/preload.cjs');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
    });
  });

  it('has a CSP without remote or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('refuses navigation elsewhere and every new window', () => {
    const handlers: Record<string, (e: { preventDefault: () => void }, url?: string) => void> = {};
    let openHandler: (() => { action: string }) | null = null;
    const win = {
      webContents: {
        on: (name: string, fn: (e: { preventDefault: () => void }, url?: string) => void) => { handlers[name] = fn; },
        setWindowOpenHandler: (fn: () => { action: string }) => { openHandler = fn; },
      },
    };
    lockNavigation(win as never, () => 'file:///app/dist/renderer/index.html');
    const away = { preventDefault: vi.fn() };
    handlers['will-navigate']!(away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const same = { preventDefault: vi.fn() };
    handlers['will-navigate']!(same, 'file:///app/dist/renderer/index.html');
    expect(same.preventDefault).not.toHaveBeenCalled();
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('denies every permission and sends the CSP header', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    let headers: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null = null;
    lockSession({
      setPermissionRequestHandler: (fn: typeof request) => { request = fn; },
      setPermissionCheckHandler: (fn: typeof check) => { check = fn; },
      webRequest: { onHeadersReceived: (fn: typeof headers) => { headers = fn; } },
    } as never);
    const granted = vi.fn();
    request!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
    const out = vi.fn();
    headers!({ responseHeaders: {} }, out);
    expect(out.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('has a Chinese menu, with the work packages under 文件', () => {
    const actions = { openWorkspace: vi.fn(), importLedgers: vi.fn(), exportPackage: vi.fn(), importPackage: vi.fn(), about: vi.fn() };
    const menu = menuTemplate(actions);
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const file = menu[0]!.submenu as { label?: string; click?: () => void }[];
    file.find((i) => i.label === '导出工作包…')?.click?.();
    file.find((i) => i.label === '导入工作包…')?.click?.();
    expect(actions.exportPackage).toHaveBeenCalledOnce();
    expect(actions.importPackage).toHaveBeenCalledOnce();
  });
});
