// The engine's thread: the AuditService lives here, so a million-line import never blocks the
// window. Messages in: {id, method, args}; out: {id, response} or {event}. The handoff PDF is
// printed by main (Electron's Chromium): out {pdfRequest}, in {pdfReply}.
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditResponse } from '../shared/contract/envelope';
import { isEngineMethod } from '../shared/contract/methods';
import { errorPayload } from '../shared/i18n/errors';
import { sampleDistrict } from '../fixtures/district-files';
import { AuditService, type ServiceOptions } from '../shared/service';
import { setParseWorkerPath } from '../shared/workspace/parse-client';
import type { EngineInbound, EngineMessage, EngineWorkerData } from './engine-protocol';

export function serve(port: NonNullable<typeof parentPort>, options: Pick<ServiceOptions, 'sample' | 'sampleWorkspacePath'>): AuditService {
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
      // Only the contract's engine methods: the service's other public methods stay in-process.
      if (!isEngineMethod(req.method)) throw new Error(`unknown method ${req.method}`);
      const fn = service[req.method] as (...a: unknown[]) => Promise<unknown>;
      response = { ok: true, value: await fn.apply(service, req.args) };
    } catch (e) {
      // Translated here, once, as main receives it.
      response = { ok: false, error: errorPayload(e) };
    }
    port.postMessage({ id: req.id, response } satisfies EngineMessage);
  });
  return service;
}

if (parentPort) {
  const data = (workerData ?? {}) as EngineWorkerData;
  // The bundled parse-worker.cjs beside this file; without it imports stay in this thread.
  setParseWorkerPath(data.parseWorker ?? null);
  // The app passes its resources folder; run from the repository (tests), the worker finds fixtures/district.
  serve(parentPort, { sample: sampleDistrict(data.sampleDir), sampleWorkspacePath: data.sampleWorkspacePath });
}
