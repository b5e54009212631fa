// The engine's thread: the AuditService lives here, so a million-line import never blocks the
// window. Messages in: {id, method, args}; out: {id, response} or {event}. The handoff PDF is
// printed by main (Electron's Chromium): out {pdfRequest}, in {pdfReply}.
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditResponse } from '../shared/contract/api';
import { both } from '../shared/i18n/messages';
import { AuditError, AuditService, type ServiceOptions } from '../shared/service';
import { setParseWorkerPath } from '../shared/workspace/parse-client';

/** What main gives the engine's thread. */
export type EngineWorkerData = Pick<ServiceOptions, 'sampleDir' | 'sampleWorkspacePath'> & { parseWorker?: string };

export interface EngineRequest {
  id: number;
  method: string;
  args: unknown[];
}

export interface PdfReply {
  pdfReply: { id: number; pdf?: Uint8Array; error?: string };
}

/** Main to worker. */
export type EngineInbound = EngineRequest | PdfReply;
/** Worker to main. */
export type EngineMessage = { id: number; response: AuditResponse } | { event: unknown } | { pdfRequest: { id: number; html: string } };

export function toResponse(e: unknown): AuditResponse {
  if (e instanceof AuditError) return { ok: false, error: { code: e.code, message: e.messageZh, messageEn: e.messageEn } };
  return { ok: false, error: { code: 'engine-error', ...both('err.engine', { detail: e instanceof Error ? e.message : String(e) }) } };
}

export function serve(port: NonNullable<typeof parentPort>, options: Pick<ServiceOptions, 'sampleDir' | 'sampleWorkspacePath'>): AuditService {
  // Pending PDF prints, answered by main's pdfReply.
  const prints = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();
  let nextPrint = 1;
  const renderPdf = (html: string): Promise<Buffer> => new Promise((resolve, reject) => {
    const id = nextPrint++;
    prints.set(id, { resolve, reject });
    port.postMessage({ pdfRequest: { id, html } } satisfies EngineMessage);
  });
  const service = new AuditService({ ...options, renderPdf, onEvent: (event) => port.postMessage({ event } satisfies EngineMessage) });
  port.on('message', async (msg: EngineInbound) => {
    if ('pdfReply' in msg) {
      const { id, pdf, error } = msg.pdfReply;
      const p = prints.get(id);
      prints.delete(id);
      if (pdf) p?.resolve(Buffer.from(pdf));
      else p?.reject(new Error(error ?? 'PDF printing failed'));
      return;
    }
    const req = msg;
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

if (parentPort) {
  const data = (workerData ?? {}) as EngineWorkerData;
  // The bundled parse-worker.cjs beside this file; without it imports stay in this thread.
  setParseWorkerPath(data.parseWorker ?? null);
  serve(parentPort, { sampleDir: data.sampleDir, sampleWorkspacePath: data.sampleWorkspacePath });
}
