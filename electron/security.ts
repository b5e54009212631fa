// Hardening of the window and its session: the renderer shows our packaged files and nothing else.
import type { BrowserWindow, Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from './window-options';

/** Navigation away from the packaged page and new windows are refused. */
export function lockNavigation(win: BrowserWindow, allowedUrl: () => string): void {
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== allowedUrl()) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
}

/** No permission (camera, notifications, ...) is ever granted; every response carries the CSP. */
export function lockSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
