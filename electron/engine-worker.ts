// The engine's thread: the AuditService lives here, so a million-line import never blocks the
// window. Messages in: {id, method, args}; out: {id, response} or {event}.
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditResponse } from '../shared/contract/api';
import { both } from '../shared/i18n/messages';
import { AuditError, AuditService, type ServiceOptions } from '../shared/service';

export interface EngineRequest {
  id: number;
  method: string;
  args: unknown[];
}

export type EngineMessage = { id: number; response: AuditResponse } | { event: unknown };

export function toResponse(e: unknown): AuditResponse {
  if (e instanceof AuditError) return { ok: false, error: { code: e.code, message: e.messageZh, messageEn: e.messageEn } };
  return { ok: false, error: { code: 'engine-error', ...both('err.engine', { detail: e instanceof Error ? e.message : String(e) }) } };
}

export function serve(port: NonNullable<typeof parentPort>, options: Pick<ServiceOptions, 'sampleDir' | 'sampleWorkspacePath'>): AuditService {
  const service = new AuditService({ ...options, onEvent: (event) => port.postMessage({ event } satisfies EngineMessage) });
  port.on('message', async (req: EngineRequest) => {
    let response: AuditResponse;
    try {
      const fn = (service as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[req.method];
      if (typeof fn !== 'function') throw new Error(`unknown method ${req.method}`);
      response = { ok: true, value: await fn.apply(service, req.args) };
    } catch (e) {
      response = toResponse(e);
    }
    port.postMessage({ id: req.id, response } satisfies EngineMessage);
  });
  return service;
}

if (parentPort) serve(parentPort, (workerData ?? {}) as Pick<ServiceOptions, 'sampleDir' | 'sampleWorkspacePath'>);
