// The messages between main and the engine's worker thread. Types only: main depends on this,
// never on the worker's module (which hosts the whole engine).
import type { AuditResponse } from '../shared/contract/envelope';

/** What main gives the engine's thread. */
export interface EngineWorkerData {
  /** The sample district's folder (the app: its bundled resources). */
  sampleDir?: string;
  /** Where openSampleDistrict keeps its workspace (the app: its user-data folder). */
  sampleWorkspacePath?: string;
  /** The bundled parse worker; without it imports stay in the engine's thread. */
  parseWorker?: string;
}

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
