// The one contract between the UI and the engine. The preload exposes exactly `AUDIT_METHODS`
// on window.audit; main registers one IPC handler per method and validates its argument with
// `ARG_SCHEMAS[method]` before the engine ever sees it.
import { z } from 'zod';
import type { AuditMethodName } from './methods';
import type {
  FilePreview, FindingDetail, FindingPage, ImportProgress, ImportResult, LeadExport, Overview,
  ProjectFigures, RuleInfo, RunSummary, SourceFileInfo, WorkspaceInfo, Lead,
} from './types';

const fileKind = z.enum(['ledger', 'projects']);
const encoding = z.enum(['utf-8', 'gb18030', 'auto']);
const status = z.enum(['pending', 'confirmed', 'dismissed']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nonEmpty = z.string().trim().min(1).max(4096);

export const importOptionsSchema = z.object({
  path: nonEmpty,
  kind: fileKind,
  encoding: encoding.optional(),
  sheet: z.string().max(200).optional(),
  township: z.string().max(200).optional(),
  village: z.string().max(200).optional(),
  map: z.record(z.string().max(200), z.string().max(200)).optional(),
}).strict();

export const findingQuerySchema = z.object({
  rule: z.array(z.string().max(100)).max(50).optional(),
  township: z.array(z.string().max(200)).max(500).optional(),
  village: z.array(z.string().max(200)).max(2000).optional(),
  status: z.array(status).max(3).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  amountMinFen: z.number().int().optional(),
  amountMaxFen: z.number().int().optional(),
  text: z.string().max(200).optional(),
  sort: z.object({
    by: z.enum(['date', 'amount', 'rule', 'township', 'village', 'status']),
    dir: z.enum(['asc', 'desc']),
  }).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(200_000).optional(),
}).strict();

export const ARG_SCHEMAS = {
  workspaceInfo: z.tuple([]),
  openWorkspace: z.tuple([z.object({ path: nonEmpty, create: z.boolean().optional() }).strict()]),
  closeWorkspace: z.tuple([]),
  previewFile: z.tuple([importOptionsSchema]),
  importFile: z.tuple([importOptionsSchema]),
  cancelImport: z.tuple([]),
  listFiles: z.tuple([]),
  runRules: z.tuple([]),
  listFindings: z.tuple([findingQuerySchema]),
  getFinding: z.tuple([z.object({ id: z.string().min(1).max(100) }).strict()]),
  reviewFindings: z.tuple([z.object({
    ids: z.array(z.string().min(1).max(100)).min(1).max(200_000),
    decision: status,
    note: z.string().max(2000).optional(),
    reviewer: z.string().trim().min(1).max(100),
  }).strict()]),
  overview: z.tuple([]),
  listProjects: z.tuple([]),
  listRules: z.tuple([]),
  saveRuleSettings: z.tuple([z.object({ rule: z.string().min(1).max(100), settings: z.record(z.string(), z.unknown()) }).strict()]),
  resetRuleSettings: z.tuple([z.object({ rule: z.string().min(1).max(100) }).strict()]),
  buildLeads: z.tuple([]),
  exportLeads: z.tuple([z.object({ dir: nonEmpty }).strict()]),
  openSampleDistrict: z.tuple([]),
  // Answered by the shell itself (native dialogs, the recent list), not by the engine.
  chooseFiles: z.tuple([z.object({ kind: fileKind, multiple: z.boolean().optional() }).strict()]),
  chooseDirectory: z.tuple([z.object({ title: z.string().max(200).optional() }).strict()]),
  chooseWorkspace: z.tuple([z.object({ create: z.boolean() }).strict()]),
  recentWorkspaces: z.tuple([]),
} as const;

/** Methods the shell answers itself; every other method is forwarded to the engine. */
export const SHELL_METHODS = ['chooseFiles', 'chooseDirectory', 'chooseWorkspace', 'recentWorkspaces'] as const;
export type ShellMethod = (typeof SHELL_METHODS)[number];

export type AuditMethod = keyof typeof ARG_SCHEMAS;
export const AUDIT_METHODS = Object.keys(ARG_SCHEMAS) as AuditMethod[];

export interface AuditApi {
  workspaceInfo(): Promise<WorkspaceInfo | null>;
  openWorkspace(args: { path: string; create?: boolean }): Promise<WorkspaceInfo>;
  closeWorkspace(): Promise<void>;
  previewFile(args: z.infer<typeof importOptionsSchema>): Promise<FilePreview>;
  importFile(args: z.infer<typeof importOptionsSchema>): Promise<ImportResult>;
  cancelImport(): Promise<void>;
  listFiles(): Promise<SourceFileInfo[]>;
  runRules(): Promise<RunSummary>;
  listFindings(query: z.infer<typeof findingQuerySchema>): Promise<FindingPage>;
  getFinding(args: { id: string }): Promise<FindingDetail>;
  reviewFindings(args: { ids: string[]; decision: 'pending' | 'confirmed' | 'dismissed'; note?: string; reviewer: string }): Promise<number>;
  overview(): Promise<Overview>;
  listProjects(): Promise<ProjectFigures[]>;
  listRules(): Promise<RuleInfo[]>;
  saveRuleSettings(args: { rule: string; settings: Record<string, unknown> }): Promise<RuleInfo>;
  resetRuleSettings(args: { rule: string }): Promise<RuleInfo>;
  buildLeads(): Promise<Lead[]>;
  exportLeads(args: { dir: string }): Promise<LeadExport>;
  /** Opens (creating on first use) a workspace holding the sample district, imported and audited. */
  openSampleDistrict(): Promise<WorkspaceInfo>;
  /** Native open dialog: ledger or project files; [] when cancelled. */
  chooseFiles(args: { kind: 'ledger' | 'projects'; multiple?: boolean }): Promise<string[]>;
  /** Native folder dialog, for exports; null when cancelled. */
  chooseDirectory(args: { title?: string }): Promise<string | null>;
  /** Native dialog for a workspace file to open or create; null when cancelled. */
  chooseWorkspace(args: { create: boolean }): Promise<string | null>;
  /** Workspaces opened before, most recent first. */
  recentWorkspaces(): Promise<string[]>;
}

/** The part of the contract the engine implements (the shell answers the rest). */
export type EngineApi = Omit<AuditApi, ShellMethod>;

// Compile-time check: the method list and the interface name the same methods.
type _SameMethods = [AuditMethod] extends [keyof AuditApi] ? ([keyof AuditApi] extends [AuditMethod] ? true : never) : never;
export const _contractIsComplete: _SameMethods = true;

/** Events the engine pushes while it works. */
export type AuditEvent =
  | { type: 'import-progress'; progress: ImportProgress }
  | { type: 'rules-progress'; rule: string; done: number; total: number };

/** An error as it crosses the boundary: a code the UI can act on and text in both languages. */
export interface AuditErrorPayload {
  code: 'invalid-arguments' | 'no-workspace' | 'not-found' | 'engine-error' | 'forbidden';
  message: string;
  messageEn: string;
}

/** Every answer crossing a process boundary: errors travel as data, not as lost Error objects. */
export type AuditResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: AuditErrorPayload };

/** What `window.audit` is in the renderer: the contract's methods plus the engine's events. */
export interface AuditBridge extends AuditApi {
  onEvent(listener: (event: AuditEvent) => void): () => void;
}

/** The error a bridge method rejects with: carries the code and both languages. */
export class AuditCallError extends Error {
  constructor(readonly code: AuditErrorPayload['code'], message: string, readonly messageEn: string) {
    super(message);
    this.name = 'AuditCallError';
  }
}

export function unwrapResponse<T>(r: AuditResponse<T>): T {
  if (r.ok) return r.value;
  throw new AuditCallError(r.error.code, r.error.message, r.error.messageEn);
}

// Compile-time check: the zod-free name list (for the preload) is exactly ARG_SCHEMAS' keys.
type _SameNames = [AuditMethodName] extends [AuditMethod] ? ([AuditMethod] extends [AuditMethodName] ? true : never) : never;
export const _namesAreComplete: _SameNames = true;
