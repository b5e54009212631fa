// Exposes exactly the contract's methods on window.audit, each an invoke on its own channel,
// plus onEvent. ipcRenderer itself never reaches the page. Bundled to one CJS file: a
// sandboxed preload cannot load modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { AUDIT_METHODS, channelOf, EVENT_CHANNEL } from '../shared/contract/methods';

interface Envelope {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string; messageEn: string };
}

export function buildBridge(invoke: (channel: string, ...args: unknown[]) => Promise<Envelope>, on: typeof ipcRenderer.on, off: typeof ipcRenderer.removeListener): Record<string, unknown> {
  const bridge: Record<string, unknown> = {};
  for (const method of AUDIT_METHODS) {
    bridge[method] = async (...args: unknown[]) => {
      const r = await invoke(channelOf(method), ...args);
      if (r.ok) return r.value;
      // contextBridge copies an Error with its message only; a plain object keeps the code and
      // the English text, which the UI shows in English mode.
      return Promise.reject({ name: 'AuditCallError', code: r.error?.code, message: r.error?.message, messageEn: r.error?.messageEn });
    };
  }
  bridge.onEvent = (listener: (event: unknown) => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown): void => listener(event);
    on(EVENT_CHANNEL, wrapped);
    return () => off(EVENT_CHANNEL, wrapped);
  };
  return bridge;
}

if (process.contextIsolated !== undefined) {
  contextBridge.exposeInMainWorld('audit', buildBridge(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args) as Promise<Envelope>,
    ipcRenderer.on.bind(ipcRenderer),
    ipcRenderer.removeListener.bind(ipcRenderer),
  ));
}
