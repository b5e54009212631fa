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

/**
 * A file system or SQLite error as the engine's: a busy workspace (another process writing past the
 * busy timeout), a full disk, a file missing or not allowed, any other SQLite error by its code.
 * Recognised by their codes, so this layer needs neither fs nor the SQLite driver.
 */
export function asEngineError(e: unknown): EngineError | null {
  if (e instanceof EngineError) return e;
  const x = e as { code?: unknown; path?: unknown; message?: unknown } | null;
  const code = typeof x?.code === 'string' ? x.code : '';
  const detail = typeof x?.message === 'string' ? x.message : String(e);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') return new EngineError('conflict', 'ws.err.busy', { seconds: 30 });
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new EngineError('engine-error', 'ws.err.disk-full', { path: typeof x?.path === 'string' ? x.path : detail });
  if (code.startsWith('SQLITE_')) return new EngineError('engine-error', 'ws.err.sqlite', { code, detail });
  if (/^E[A-Z]+$/.test(code) && typeof x?.path === 'string') {
    return new EngineError(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EROFS'].includes(code) ? 'invalid-arguments' : 'engine-error', 'ws.err.file', { code, path: x.path });
  }
  return null;
}

/** Any error as it leaves the engine or the shell: an EngineError as it is, a file or SQLite error in words, anything else as an 'engine-error'. */
export function errorPayload(e: unknown): AuditErrorPayload {
  const known = asEngineError(e);
  if (known) return { code: known.code, ...both(known.messageKey, known.params) };
  return { code: 'engine-error', ...both('err.engine', { detail: e instanceof Error ? e.message : String(e) }) };
}
