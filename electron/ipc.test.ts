// IPC handlers: one per contract method; foreign senders and invalid arguments never reach the engine.
import { describe, expect, it, vi } from 'vitest';
import { AUDIT_METHODS, channelOf, SHELL_METHODS } from '../shared/contract/methods';
import { handleCall, registerAuditHandlers, type IpcDeps } from './ipc';

vi.mock('electron', () => ({}));

function deps(): IpcDeps & { handlers: Map<string, (...a: unknown[]) => unknown>; sender: object } {
  const handlers = new Map<string, (...a: unknown[]) => unknown>();
  const sender = {};
  return {
    handlers,
    sender,
    ipcMain: { handle: (ch: string, fn: (...a: unknown[]) => unknown) => { handlers.set(ch, fn); }, removeHandler: (ch: string) => { handlers.delete(ch); } } as never,
    mainWebContents: () => sender as never,
    engine: { call: vi.fn(async (_m: string, args: unknown[]) => ({ ok: true as const, value: args })) },
    shell: {
      chooseFiles: vi.fn(async () => ['/a.csv']), chooseDirectory: vi.fn(async () => null),
      chooseWorkspace: vi.fn(async () => null), recentWorkspaces: vi.fn(async () => []),
    } as never,
  };
}

describe('IPC handlers', () => {
  it('registers exactly one handler per contract method', () => {
    const d = deps();
    const unregister = registerAuditHandlers(d);
    expect([...d.handlers.keys()].sort()).toEqual(AUDIT_METHODS.map(channelOf).sort());
    unregister();
    expect(d.handlers.size).toBe(0);
  });

  it('refuses a sender that is not our window', async () => {
    const d = deps();
    const r = await handleCall(d, 'listFiles', { sender: {} as never }, []);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(d.engine.call).not.toHaveBeenCalled();
  });

  it('refuses invalid arguments with a typed error in both languages', async () => {
    const d = deps();
    const r = await handleCall(d, 'importFile', { sender: d.sender as never }, [{ path: '', kind: 'spreadsheet' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-arguments');
      expect(r.error.message).toContain('参数无效');
      expect(r.error.messageEn).toContain('Invalid arguments');
    }
    expect((await handleCall(d, 'reviewFindings', { sender: d.sender as never }, [{ ids: [], decision: 'maybe', reviewer: '' }])).ok).toBe(false);
    expect((await handleCall(d, 'listFiles', { sender: d.sender as never }, ['extra'])).ok).toBe(false);
    expect(d.engine.call).not.toHaveBeenCalled();
  });

  it('forwards valid calls to the engine, and shell methods to the shell', async () => {
    const d = deps();
    const args = [{ path: '/x/ledger.csv', kind: 'ledger' }];
    expect(await handleCall(d, 'importFile', { sender: d.sender as never }, args)).toEqual({ ok: true, value: args });
    expect(d.engine.call).toHaveBeenCalledWith('importFile', args);
    expect(await handleCall(d, 'chooseFiles', { sender: d.sender as never }, [{ kind: 'ledger' }])).toEqual({ ok: true, value: ['/a.csv'] });
    for (const m of SHELL_METHODS) expect(d.engine.call).not.toHaveBeenCalledWith(m, expect.anything());
  });
});
