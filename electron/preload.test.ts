// The preload exposes exactly the contract's methods and onEvent, never ipcRenderer.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_METHODS, channelOf, EVENT_CHANNEL } from '../shared/contract/methods';

const exposed: Record<string, Record<string, unknown>> = {};
const invoke = vi.fn();
const listeners = new Map<string, (...a: unknown[]) => void>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => { exposed[key] = api; } },
  ipcRenderer: {
    invoke: (...a: unknown[]) => invoke(...a),
    on: (ch: string, fn: (...a: unknown[]) => void) => { listeners.set(ch, fn); },
    removeListener: (ch: string) => { listeners.delete(ch); },
  },
}));

describe('preload', () => {
  beforeEach(async () => {
    Object.assign(process, { contextIsolated: true });
    await import('./preload');
  });

  it('exposes exactly the contract methods and onEvent on window.audit', () => {
    expect(Object.keys(exposed)).toEqual(['audit']);
    expect(Object.keys(exposed.audit!).sort()).toEqual([...AUDIT_METHODS, 'onEvent'].sort());
    expect(JSON.stringify(Object.keys(exposed.audit!))).not.toContain('ipcRenderer');
  });

  it('unwraps answers and turns error envelopes into rejections with both languages', async () => {
    invoke.mockResolvedValueOnce({ ok: true, value: 42 });
    await expect((exposed.audit!.listFiles as () => Promise<unknown>)()).resolves.toBe(42);
    expect(invoke).toHaveBeenCalledWith(channelOf('listFiles'));
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'no-workspace', message: '尚未打开工作区', messageEn: 'No workspace is open' } });
    await expect((exposed.audit!.listFiles as () => Promise<unknown>)()).rejects.toMatchObject({ code: 'no-workspace', message: '尚未打开工作区', messageEn: 'No workspace is open' });
  });

  it('delivers engine events and unsubscribes', () => {
    const got: unknown[] = [];
    const off = (exposed.audit!.onEvent as (l: (e: unknown) => void) => () => void)((e) => got.push(e));
    listeners.get(EVENT_CHANNEL)!({}, { type: 'import-progress' });
    expect(got).toEqual([{ type: 'import-progress' }]);
    off();
    expect(listeners.has(EVENT_CHANNEL)).toBe(false);
  });
});
