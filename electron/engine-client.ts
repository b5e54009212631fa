// Main's side of the engine worker: calls become messages, answers come back as envelopes.
// A worker that dies fails every pending call with an 'engine-error' and is started again:
// the window gets an error to show, never a crash. The new worker reopens the workspace that
// was open, so the auditor carries on where they were.
import type { Worker } from 'node:worker_threads';
import type { AuditResponse } from '../shared/contract/envelope';
import { opensWorkspace } from '../shared/contract/methods';
import { EngineError, errorPayload } from '../shared/i18n/errors';
import type { EngineCaller } from './ipc';
import type { EngineMessage, PdfReply } from './engine-protocol';

/** The engine's heap: enough for a million-line import, bounded so it never takes the laptop. */
export const ENGINE_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256 };

export class EngineClient implements EngineCaller {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (r: AuditResponse) => void>();
  /** The open workspace, to reopen in a restarted worker. */
  private workspace: string | null = null;
  /** Set by a crash: the workspace the next worker opens first. */
  private reopen: string | null = null;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly onEvent: (event: unknown) => void = () => {},
    /** Prints the handoff sheet for the worker (main: a hidden window's printToPDF). */
    private readonly renderPdf: (html: string) => Promise<Uint8Array> = async () => { throw new Error('PDF printing is not available'); },
  ) {}

  private start(): Worker {
    const w = this.createWorker();
    w.on('message', (m: EngineMessage) => {
      if ('event' in m) {
        this.onEvent(m.event);
        return;
      }
      if ('pdfRequest' in m) {
        const { id, html } = m.pdfRequest;
        const reply = (r: PdfReply['pdfReply']): void => { if (this.worker === w) w.postMessage({ pdfReply: r } satisfies PdfReply); };
        this.renderPdf(html).then((pdf) => reply({ id, pdf }), (e: unknown) => reply({ id, error: e instanceof Error ? e.message : String(e) }));
        return;
      }
      const resolve = this.pending.get(m.id);
      this.pending.delete(m.id);
      resolve?.(m.response);
    });
    const fail = (detail: string): void => {
      if (this.worker !== w) return;
      this.worker = null;
      const error = errorPayload(new EngineError('engine-error', 'err.engine', { detail }));
      for (const resolve of this.pending.values()) resolve({ ok: false, error });
      this.pending.clear();
      // Reopen once: if the next worker dies too before it answers, the workspace is forgotten
      // (see call), so a workspace that kills the engine cannot trap the app in a restart loop.
      this.reopen = this.workspace;
      this.workspace = null;
    };
    w.on('error', (e) => fail(e instanceof Error ? e.message : String(e)));
    w.on('exit', (code) => fail(`engine stopped (exit ${code})`));
    this.worker = w;
    return w;
  }

  async call(method: string, args: unknown[]): Promise<AuditResponse> {
    if (!this.worker && this.reopen) {
      const path = this.reopen;
      this.reopen = null;
      // The worker answers messages in order, so the reopen lands before this call.
      void this.call('openWorkspace', [{ path }]);
    }
    const r = await this.send(method, args);
    // An encrypted workspace is not reopened by a restarted worker: its password is kept nowhere, so the app asks again.
    if (r.ok && opensWorkspace(method)) this.workspace = (r.value as { encrypted?: boolean } | null)?.encrypted ? null : (r.value as { path?: string } | null)?.path ?? null;
    if (r.ok && method === 'closeWorkspace') this.workspace = null;
    return r;
  }

  private send(method: string, args: unknown[]): Promise<AuditResponse> {
    const w = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      w.postMessage({ id, method, args });
    });
  }

  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }
}
