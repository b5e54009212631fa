// Runs the ledger parse worker for one file and hands its messages to the importer, in order.
// Where the worker's code lives: next to this file when running from source (under tsx), or
// where the desktop app's bundle says (setParseWorkerPath); with neither, imports stay in-thread.
import { Worker } from 'node:worker_threads';
import type { ReadProgress } from '../ingest/table';
import { CancelledError, FileDecodeError, FileRejectedError } from '../ingest/table';
import { MappingError } from '../ingest/table';
import type { WorkerBatch } from './ledger-encoder';
import type { ParseJob, ParseMessage } from './parse-protocol';

type Done = Extract<ParseMessage, { t: 'done' }>;

/** The worker failed before it said anything: nothing was read, so the import can run inline. */
export class WorkerStartError extends Error {}
type Header = Extract<ParseMessage, { t: 'header' }>;

let configured: string | null | undefined;

/** The desktop app's engine worker names its bundled parse-worker.cjs (null: stay inline; undefined: the default). */
export function setParseWorkerPath(path: string | null | undefined): void {
  configured = path;
}

export function parseWorkerTarget(): { file: URL | string; execArgv: string[] } | null {
  if (process.env.VA_PARSE_WORKER === '0') return null;
  // A profiling run (--cpu-prof) profiles the worker too.
  const profile = process.execArgv.filter((a) => a.startsWith('--cpu-prof'));
  if (configured !== undefined) return configured ? { file: configured, execArgv: profile } : null;
  const here = import.meta.url;
  // From source, the worker is TypeScript too: it loads through tsx like the process itself.
  if (here.endsWith('.ts')) return { file: new URL('./parse-worker.ts', here), execArgv: [...profile, '--import', 'tsx'] };
  return null;
}

/** Parse workers started and not yet exited (a worker left running keeps the process alive). */
let running = 0;
export function runningParseWorkers(): number {
  return running;
}

export interface ParseHandlers {
  /** The worker started (to send it messages, such as where a first part ends). */
  onWorker?: (w: Worker) => void;
  onHeader: (h: Header) => void;
  onBatch: (b: WorkerBatch) => void;
  onProgress: (p: ReadProgress) => void;
}

/**
 * `ready`: the worker starts at once, but its messages wait until `ready` resolves (the importer
 * hashes the file meanwhile and writes nothing before the hash is checked); if it rejects, the
 * worker is stopped and the run fails with that reason.
 */
export function parseInWorker(job: ParseJob, h: ParseHandlers, signal?: AbortSignal, ready?: Promise<unknown>): Promise<Done> {
  const target = parseWorkerTarget();
  if (!target) return Promise.reject(new WorkerStartError('no parse worker'));
  return new Promise<Done>((resolvePromise, reject) => {
    let worker: Worker;
    try {
      // A roomy young generation: parsing makes short-lived rows by the million.
      worker = new Worker(target.file, { workerData: job, execArgv: target.execArgv, resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64 } });
    } catch (e) {
      return reject(new WorkerStartError(e instanceof Error ? e.message : String(e)));
    }
    running++;
    worker.once('exit', () => running--);
    h.onWorker?.(worker);
    let settled = false;
    let heard = false;
    const settle = (fn: () => void, stopWorker = true): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      // After `done` the worker ends by itself (and writes its profile when asked to).
      if (stopWorker) void worker.terminate();
      fn();
    };
    const onAbort = (): void => settle(() => reject(new CancelledError()));
    signal?.addEventListener('abort', onAbort);
    if (signal?.aborted) return onAbort();
    const handle = (m: ParseMessage): void => {
      try {
        switch (m.t) {
          case 'header': return h.onHeader(m);
          case 'batch': return h.onBatch(m.batch);
          case 'progress': return h.onProgress(m.p);
          case 'done': return settle(() => resolvePromise(m), false);
          case 'fail':
            if (m.kind === 'decode') return settle(() => reject(new FileDecodeError(m.encoding, m.line)));
            if (m.kind === 'other') return settle(() => reject(new Error(`parse worker: ${m.message}`)));
            return settle(() => reject(m.kind === 'mapping' ? new MappingError(m.key, m.params) : new FileRejectedError(m.key, m.params)));
        }
      } catch (e) {
        // The importer's own failure (e.g. SQLite) ends the run.
        settle(() => reject(e));
      }
    };
    let waiting: ParseMessage[] | null = ready ? [] : null;
    // A worker that ends while its messages wait (it read everything before the hash was done)
    // ends the run only after they are handled: its `done` is among them.
    let endedWhileWaiting: Error | null = null;
    ready?.then(() => {
      const queued = waiting ?? [];
      waiting = null;
      for (const m of queued) if (!settled) handle(m);
      if (endedWhileWaiting) failed(endedWhileWaiting);
    }, (e: unknown) => settle(() => reject(e)));
    worker.on('message', (m: ParseMessage) => {
      heard = true;
      if (settled) return;
      if (waiting) waiting.push(m);
      else handle(m);
    });
    const failed = (e: Error): void => {
      if (waiting) endedWhileWaiting = e;
      else settle(() => reject(heard ? e : new WorkerStartError(e.message)));
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`parse worker exited with code ${code}`)));
  });
}
