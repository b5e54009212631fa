// One IPC handler per contract method, registered from the contract's method table: the sender
// must be our window, the arguments must pass the method's zod schema, and only then is the
// call answered by the shell (dialogs, recent list) or forwarded to the engine worker, as the
// table says.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { ARG_SCHEMAS, type ShellApi } from '../shared/contract/api';
import type { AuditResponse } from '../shared/contract/envelope';
import { AUDIT_METHODS, channelOf, isShellMethod, type AuditMethod } from '../shared/contract/methods';
import { EngineError, errorPayload } from '../shared/i18n/errors';

export interface EngineCaller {
  call(method: string, args: unknown[]): Promise<AuditResponse>;
}

export type ShellHandlers = ShellApi;

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** The one window allowed to call. */
  mainWebContents: () => WebContents | null;
  engine: EngineCaller;
  shell: ShellHandlers;
}

export async function handleCall(deps: IpcDeps, method: AuditMethod, event: Pick<IpcMainInvokeEvent, 'sender'>, args: unknown[]): Promise<AuditResponse> {
  if (event.sender !== deps.mainWebContents()) return { ok: false, error: errorPayload(new EngineError('forbidden', 'err.forbidden')) };
  const parsed = ARG_SCHEMAS[method].safeParse(args);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || method}: ${i.message}`).join('; ');
    return { ok: false, error: errorPayload(new EngineError('invalid-arguments', 'err.invalid-arguments', { detail })) };
  }
  const valid = parsed.data as unknown[];
  if (isShellMethod(method)) {
    try {
      const fn = deps.shell[method] as (...a: unknown[]) => Promise<unknown>;
      return { ok: true, value: await fn(...valid) };
    } catch (e) {
      return { ok: false, error: errorPayload(e) };
    }
  }
  return deps.engine.call(method, valid);
}

export function registerAuditHandlers(deps: IpcDeps): () => void {
  for (const method of AUDIT_METHODS) {
    deps.ipcMain.handle(channelOf(method), (event, ...args: unknown[]) => handleCall(deps, method, event, args));
  }
  return () => {
    for (const method of AUDIT_METHODS) deps.ipcMain.removeHandler(channelOf(method));
  };
}
