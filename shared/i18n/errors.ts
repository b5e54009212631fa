// The engine's one error type. It carries what went wrong as a code the UI can act on and what
// to tell the user as a catalogue key with its values; the texts are made once, where the error
// crosses a boundary (the engine worker's answer, main's IPC, the CLI's output), by errorPayload.
// Low in the layers (i18n, over the contract) so every engine layer can throw it.
import type { AuditErrorPayload, ErrorCode } from '../contract/envelope';
import { both, t, type MessageKey, type Params } from './messages';

export class EngineError extends Error {
  constructor(readonly code: ErrorCode, readonly messageKey: MessageKey, readonly params: Params = {}) {
    // The Chinese text as the Error's message, for logs and for callers in the same process.
    super(t('zh', messageKey, params));
    this.name = 'EngineError';
  }
}

/** Any error as it leaves the engine or the shell: an EngineError as it is, anything else as an 'engine-error'. */
export function errorPayload(e: unknown): AuditErrorPayload {
  if (e instanceof EngineError) return { code: e.code, ...both(e.messageKey, e.params) };
  return { code: 'engine-error', ...both('err.engine', { detail: e instanceof Error ? e.message : String(e) }) };
}
