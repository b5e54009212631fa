// What crosses a process boundary besides arguments: answers as envelopes, errors as data, and
// the events the engine and the shell push. Zod-free: main's bundle and the preload take it.
import type { ImportProgress, PackagePhase } from './types';

/** Events the engine pushes while it works. */
export type AuditEvent =
  | { type: 'import-progress'; progress: ImportProgress }
  | { type: 'rules-progress'; rule: string; done: number; total: number }
  /** A work package being exported or imported: its phase, and how far (files, records). */
  | { type: 'package-progress'; phase: PackagePhase; done: number; total: number }
  /** From the desktop app's menu (文件 → 打开工作区 / 导入账簿): the UI goes to that screen. */
  | { type: 'menu'; action: 'open-workspace' | 'import-ledgers' | 'export-package' | 'import-package' };

/**
 * What went wrong, for the UI to act on: arguments refused (also by the engine's own checks),
 * no workspace open, a named thing that does not exist, a change the current state refuses
 * (already closed, merged, handed over), a caller that is not our window, anything else.
 */
export type ErrorCode = 'invalid-arguments' | 'no-workspace' | 'not-found' | 'conflict' | 'forbidden' | 'engine-error';

/** An error as it crosses the boundary: a code the UI can act on and text in both languages. */
export interface AuditErrorPayload {
  code: ErrorCode;
  message: string;
  messageEn: string;
}

/** Every answer crossing a process boundary: errors travel as data, not as lost Error objects. */
export type AuditResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: AuditErrorPayload };
