// The one contract between the UI and the engine. The preload exposes exactly `AUDIT_METHODS`
// on window.audit; main registers one IPC handler per method and validates its argument with
// `ARG_SCHEMAS[method]` before the engine ever sees it.
import { z } from 'zod';
import type { AuditMethodName } from './methods';
import type {
  FilePreview, FindingDetail, FindingPage, ImportProgress, ImportResult, LeadExport, Overview,
  ProjectFigures, RuleInfo, RunSummary, SourceFileInfo, WorkspaceInfo, Lead,
  Cadre, CadreImportResult, CaseLead, HandoffRecord, RectificationItem, RectificationProgressPoint, RectificationSummaryRow, TrailEntry,
} from './types';
import { DISPOSITIONS, RECT_PROGRESS } from './types';

const fileKind = z.enum(['ledger', 'projects']);
/** What a file dialog asks for (sets its title and filter). */
const dialogKind = z.enum(['ledger', 'projects', 'cadres', 'evidence']);
const encoding = z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'auto']);
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

const disposition = z.enum(DISPOSITIONS);
export const leadPatchSchema = z.object({
  persons: z.array(z.object({ name: z.string().trim().min(1).max(100), post: z.string().max(100), basis: z.enum(['roster', 'ledger', 'manual']) }).strict()).max(100).optional(),
  problem: z.string().max(20_000).optional(),
  disposition: disposition.optional(),
  remarks: z.string().max(4000).optional(),
  source: z.string().max(200).optional(),
  receivedAt: isoDate.optional(),
}).strict();
export const rectificationSchema = z.object({
  description: z.string().max(20_000).optional(),
  unit: z.string().max(200).optional(),
  responsible: z.string().max(400).optional(),
  measures: z.string().max(20_000).optional(),
  dueDate: isoDate.nullable().optional(),
  progress: z.enum(RECT_PROGRESS).optional(),
  recoveredFen: z.number().int().min(0).optional(),
});

export const ARG_SCHEMAS = {
  workspaceInfo: z.tuple([]),
  openWorkspace: z.tuple([z.object({ path: nonEmpty, create: z.boolean().optional() }).strict()]),
  closeWorkspace: z.tuple([]),
  previewFile: z.tuple([importOptionsSchema]),
  importFile: z.tuple([importOptionsSchema]),
  saveImportErrors: z.tuple([z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), path: nonEmpty }).strict()]),
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
  // ---- case leads, handoff, rectification, trail (issue 5) ----
  importCadres: z.tuple([z.object({ path: nonEmpty, encoding: encoding.optional(), sheet: z.string().max(200).optional(), map: z.record(z.string().max(200), z.string().max(200)).optional(), actor: z.string().max(100).optional() }).strict()]),
  listCadres: z.tuple([z.object({ township: z.string().max(200).optional(), village: z.string().max(200).optional() }).strict()]),
  buildCaseLeads: z.tuple([z.object({ actor: z.string().trim().min(1).max(100) }).strict()]),
  listCaseLeads: z.tuple([z.object({ township: z.string().max(200).optional(), includeMerged: z.boolean().optional() }).strict()]),
  getCaseLead: z.tuple([z.object({ number: z.string().min(1).max(200) }).strict()]),
  updateCaseLead: z.tuple([z.object({ number: z.string().min(1).max(200), actor: z.string().trim().min(1).max(100), patch: leadPatchSchema }).strict()]),
  mergeCaseLeads: z.tuple([z.object({ numbers: z.array(z.string().min(1).max(200)).min(2).max(500), actor: z.string().trim().min(1).max(100) }).strict()]),
  splitCaseLead: z.tuple([z.object({ number: z.string().min(1).max(200), findingIds: z.array(z.string().min(1).max(100)).min(1).max(10_000), actor: z.string().trim().min(1).max(100) }).strict()]),
  getLeadSource: z.tuple([]),
  setLeadSource: z.tuple([z.object({ source: z.string().trim().min(1).max(200), actor: z.string().trim().min(1).max(100) }).strict()]),
  handoffLeads: z.tuple([z.object({ dir: nonEmpty, township: z.string().max(200).optional(), handedBy: z.string().trim().min(1).max(100), fromUnit: z.string().max(200).optional(), pdf: z.boolean().optional() }).strict()]),
  listHandoffs: z.tuple([]),
  listRectifications: z.tuple([z.object({ township: z.string().max(200).optional(), openOnly: z.boolean().optional() }).strict()]),
  createRectification: z.tuple([rectificationSchema.extend({ leadNumber: z.string().max(200).optional(), findingId: z.string().min(1).max(100).optional(), township: z.string().max(200).optional(), village: z.string().max(200).optional(), amountAtIssueFen: z.number().int().optional(), actor: z.string().trim().min(1).max(100) }).strict()]),
  updateRectification: z.tuple([z.object({ id: z.number().int().min(1), patch: rectificationSchema.strict(), actor: z.string().trim().min(1).max(100) }).strict()]),
  addRectificationEvidence: z.tuple([z.object({ id: z.number().int().min(1), path: nonEmpty, actor: z.string().trim().min(1).max(100) }).strict()]),
  closeRectification: z.tuple([z.object({ id: z.number().int().min(1), note: z.string().max(2000).optional(), actor: z.string().trim().min(1).max(100) }).strict()]),
  saveRectificationEvidence: z.tuple([z.object({ evidenceId: z.number().int().min(1), path: nonEmpty }).strict()]),
  exportRectifications: z.tuple([z.object({ path: nonEmpty, township: z.string().max(200).optional() }).strict()]),
  rectificationSummary: z.tuple([]),
  rectificationProgress: z.tuple([z.object({ township: z.string().max(200).optional() }).strict()]),
  listTrail: z.tuple([z.object({ entity: z.enum(['finding', 'lead', 'handoff', 'rectification', 'cadres']).optional(), entityId: z.string().max(200).optional(), limit: z.number().int().min(1).max(100_000).optional() }).strict()]),
  // Answered by the shell itself (native dialogs, the recent list), not by the engine.
  chooseFiles: z.tuple([z.object({ kind: dialogKind, multiple: z.boolean().optional() }).strict()]),
  chooseDirectory: z.tuple([z.object({ title: z.string().max(200).optional() }).strict()]),
  chooseWorkspace: z.tuple([z.object({ create: z.boolean() }).strict()]),
  chooseSaveFile: z.tuple([z.object({ defaultName: z.string().trim().min(1).max(255), title: z.string().max(200).optional() }).strict()]),
  recentWorkspaces: z.tuple([]),
} as const;

/** Methods the shell answers itself; every other method is forwarded to the engine. */
export const SHELL_METHODS = ['chooseFiles', 'chooseDirectory', 'chooseWorkspace', 'chooseSaveFile', 'recentWorkspaces'] as const;
export type ShellMethod = (typeof SHELL_METHODS)[number];

export type AuditMethod = keyof typeof ARG_SCHEMAS;
export const AUDIT_METHODS = Object.keys(ARG_SCHEMAS) as AuditMethod[];

export interface AuditApi {
  workspaceInfo(): Promise<WorkspaceInfo | null>;
  openWorkspace(args: { path: string; create?: boolean }): Promise<WorkspaceInfo>;
  closeWorkspace(): Promise<void>;
  previewFile(args: z.infer<typeof importOptionsSchema>): Promise<FilePreview>;
  importFile(args: z.infer<typeof importOptionsSchema>): Promise<ImportResult>;
  /** Writes every row error of the last rejected import of that file (by hash) to path as CSV; the count written. */
  saveImportErrors(args: { sha256: string; path: string }): Promise<{ path: string; errors: number }>;
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
  // ---- case leads, handoff, rectification, trail (issue 5) ----
  /** Imports a roster of village officers (村干部名册), all or nothing. */
  importCadres(args: { path: string; encoding?: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'auto'; sheet?: string; map?: Record<string, string>; actor?: string }): Promise<CadreImportResult>;
  listCadres(args: { township?: string; village?: string }): Promise<Cadre[]>;
  /** Numbers new leads for confirmed findings in no lead yet; returns the new numbers. */
  buildCaseLeads(args: { actor: string }): Promise<string[]>;
  listCaseLeads(args: { township?: string; includeMerged?: boolean }): Promise<CaseLead[]>;
  /** A lead with its handed-over (frozen) versions. */
  getCaseLead(args: { number: string }): Promise<{ lead: CaseLead; versions: { version: number; frozenAt: string; handoffId: number | null; lead: CaseLead }[] }>;
  updateCaseLead(args: { number: string; actor: string; patch: z.infer<typeof leadPatchSchema> }): Promise<CaseLead>;
  mergeCaseLeads(args: { numbers: string[]; actor: string }): Promise<CaseLead>;
  splitCaseLead(args: { number: string; findingIds: string[]; actor: string }): Promise<CaseLead>;
  /** 线索来源 that new leads take (村级财务审计 unless set). */
  getLeadSource(): Promise<string>;
  /** 线索来源 for new leads, e.g. 村级财务审计 第三审计组. */
  setLeadSource(args: { source: string; actor: string }): Promise<void>;
  /** Writes <乡镇>.xlsx/.csv/.pdf per township into dir, records the handoff and freezes the leads. */
  handoffLeads(args: { dir: string; township?: string; handedBy: string; fromUnit?: string; pdf?: boolean }): Promise<HandoffRecord[]>;
  listHandoffs(): Promise<HandoffRecord[]>;
  listRectifications(args: { township?: string; openOnly?: boolean }): Promise<RectificationItem[]>;
  /** From a lead (leadNumber), a finding (findingId) or typed in (township, village, description); one item per lead or finding. */
  createRectification(args: z.infer<typeof rectificationSchema> & { leadNumber?: string; findingId?: string; township?: string; village?: string; amountAtIssueFen?: number; actor: string }): Promise<RectificationItem>;
  updateRectification(args: { id: number; patch: z.infer<typeof rectificationSchema>; actor: string }): Promise<RectificationItem>;
  addRectificationEvidence(args: { id: number; path: string; actor: string }): Promise<RectificationItem>;
  /** 销号: needs evidence or a note. */
  closeRectification(args: { id: number; note?: string; actor: string }): Promise<RectificationItem>;
  /** Copies a stored evidence file to path, refusing one whose bytes no longer match its SHA-256. */
  saveRectificationEvidence(args: { evidenceId: number; path: string }): Promise<{ path: string; name: string; sha256: string }>;
  exportRectifications(args: { path: string; township?: string }): Promise<{ path: string; sha256: string; items: number }>;
  /** Per township and village: items, open, overdue, closed, money at issue and recovered. */
  rectificationSummary(): Promise<RectificationSummaryRow[]>;
  /** The ledger's state at the end of each day on which it changed, replayed from the trail. */
  rectificationProgress(args: { township?: string }): Promise<RectificationProgressPoint[]>;
  listTrail(args: { entity?: TrailEntry['entity']; entityId?: string; limit?: number }): Promise<TrailEntry[]>;
  /** Native open dialog: ledger or project files; [] when cancelled. */
  chooseFiles(args: { kind: 'ledger' | 'projects' | 'cadres' | 'evidence'; multiple?: boolean }): Promise<string[]>;
  /** Native folder dialog, for exports; null when cancelled. */
  chooseDirectory(args: { title?: string }): Promise<string | null>;
  /** Native dialog for a workspace file to open or create; null when cancelled. */
  chooseWorkspace(args: { create: boolean }): Promise<string | null>;
  /** Native save dialog for one export file (e.g. 整改台账.xlsx), filtered by its extension; null when cancelled. */
  chooseSaveFile(args: { defaultName: string; title?: string }): Promise<string | null>;
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
  | { type: 'rules-progress'; rule: string; done: number; total: number }
  /** From the desktop app's menu (文件 → 打开工作区 / 导入账簿): the UI goes to that screen. */
  | { type: 'menu'; action: 'open-workspace' | 'import-ledgers' };

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
