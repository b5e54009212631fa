// The one contract between the UI and the engine, derived from the method table (methods.ts):
// each method's argument schema (zod), which main validates before the engine ever sees a call,
// and AuditApi, whose argument types are the schemas' input types, so they cannot drift apart.
import * as z from 'zod';
import type { AuditEvent } from './envelope';
import type { AuditMethod, EngineMethod, METHODS, ShellMethod } from './methods';
import type { AuditResults } from './results';
import { PIVOT_DIMENSIONS } from './analytics';
import { DISPOSITIONS, RECT_PROGRESS, TRAIL_ENTITIES } from './types';

const fileKind = z.enum(['ledger', 'projects']);
/** What a file dialog asks for (sets its title and filter). */
const dialogKind = z.enum(['ledger', 'projects', 'cadres', 'evidence', 'package']);
const encoding = z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'auto']);
const status = z.enum(['pending', 'confirmed', 'dismissed']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nonEmpty = z.string().trim().min(1).max(4096);
const actor = z.string().trim().min(1).max(100);
const place = z.string().max(200);
/** A work package's password: at least 8 characters (it travels on a USB stick). */
const packagePassword = z.string().min(8).max(1000);
const columnMap = z.record(z.string().max(200), z.string().max(200));

export const importOptionsSchema = z.object({
  path: nonEmpty,
  kind: fileKind,
  encoding: encoding.optional(),
  sheet: z.string().max(200).optional(),
  township: place.optional(),
  village: place.optional(),
  map: columnMap.optional(),
}).strict();

export const findingQuerySchema = z.object({
  rule: z.array(z.string().max(100)).max(50).optional(),
  township: z.array(place).max(500).optional(),
  village: z.array(place).max(2000).optional(),
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

// ---- analytics (issue 13) ----
const lang = z.enum(['zh', 'en']);
const exportFormat = z.enum(['xlsx', 'csv']);
export const ledgerFilterSchema = z.object({
  township: place.optional(),
  village: place.optional(),
  text: z.string().max(200).optional(),
  account: z.string().max(200).optional(),
  counterparty: z.string().max(200).optional(),
  person: z.string().max(100).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  amountMinFen: z.number().int().optional(),
  amountMaxFen: z.number().int().optional(),
}).strict();
const findingFilterSchema = findingQuerySchema.omit({ sort: true, offset: true, limit: true });
const pivotDimension = z.enum(PIVOT_DIMENSIONS);
export const pivotQuerySchema = z.object({
  source: z.enum(['ledger', 'findings']),
  rows: pivotDimension,
  columns: pivotDimension.optional(),
  measure: z.enum(['debit', 'credit', 'net']).optional(),
  ledger: ledgerFilterSchema.optional(),
  findings: findingFilterSchema.optional(),
}).strict();
const samplePopulation = z.object({
  township: place.optional(),
  village: place.optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  minAmountFen: z.number().int().min(0).optional(),
  account: z.string().max(200).optional(),
}).strict();
const sampleId = z.string().regex(/^S\d{1,6}$/);
const seed = z.number().int().min(1).max(2 ** 31 - 1);
const context = z.number().int().min(0).max(500).optional();

const none = z.tuple([]);
const one = <T extends z.ZodType>(schema: T) => z.tuple([schema]);

/** Each method's arguments, as the tuple it is called with. */
export const ARG_SCHEMAS = {
  workspaceInfo: none,
  inspectWorkspace: one(z.object({ path: nonEmpty }).strict()),
  openWorkspace: one(z.object({ path: nonEmpty, create: z.boolean().optional(), password: z.string().min(1).max(1000).optional() }).strict()),
  verifyWorkspace: none,
  changePassword: one(z.object({ current: z.string().min(1).max(1000), next: z.string().min(1).max(1000) }).strict()),
  closeWorkspace: none,
  previewFile: one(importOptionsSchema),
  importFile: one(importOptionsSchema),
  saveImportErrors: one(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), path: nonEmpty }).strict()),
  cancelImport: none,
  listFiles: none,
  runRules: none,
  listFindings: one(findingQuerySchema),
  getFinding: one(z.object({ id: z.string().min(1).max(100) }).strict()),
  reviewFindings: one(z.object({
    ids: z.array(z.string().min(1).max(100)).min(1).max(200_000),
    decision: status,
    note: z.string().max(2000).optional(),
    reviewer: actor,
    acknowledgeLeads: z.boolean().optional(),
  }).strict()),
  reviewImpact: one(z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(200_000), decision: status }).strict()),
  overview: none,
  riskRanking: none,
  listProjects: none,
  listRules: none,
  saveRuleSettings: one(z.object({ rule: z.string().min(1).max(100), settings: z.record(z.string(), z.unknown()) }).strict()),
  resetRuleSettings: one(z.object({ rule: z.string().min(1).max(100) }).strict()),
  buildLeads: none,
  exportLeads: one(z.object({ dir: nonEmpty }).strict()),
  openSampleDistrict: none,
  importCadres: one(z.object({ path: nonEmpty, encoding: encoding.optional(), sheet: z.string().max(200).optional(), map: columnMap.optional(), actor: z.string().max(100).optional() }).strict()),
  listCadres: one(z.object({ township: place.optional(), village: place.optional() }).strict()),
  buildCaseLeads: one(z.object({ actor }).strict()),
  listCaseLeads: one(z.object({ township: place.optional(), includeMerged: z.boolean().optional() }).strict()),
  getCaseLead: one(z.object({ number: z.string().min(1).max(200) }).strict()),
  updateCaseLead: one(z.object({ number: z.string().min(1).max(200), actor, patch: leadPatchSchema }).strict()),
  mergeCaseLeads: one(z.object({ numbers: z.array(z.string().min(1).max(200)).min(2).max(500), actor }).strict()),
  splitCaseLead: one(z.object({ number: z.string().min(1).max(200), findingIds: z.array(z.string().min(1).max(100)).min(1).max(10_000), actor }).strict()),
  getLeadSource: none,
  setLeadSource: one(z.object({ source: z.string().trim().min(1).max(200), actor }).strict()),
  handoffLeads: one(z.object({ dir: nonEmpty, township: place.optional(), handedBy: actor, fromUnit: z.string().max(200).optional(), pdf: z.boolean().optional() }).strict()),
  listHandoffs: none,
  listRectifications: one(z.object({ township: place.optional(), openOnly: z.boolean().optional() }).strict()),
  createRectification: one(rectificationSchema.extend({ leadNumber: z.string().max(200).optional(), findingId: z.string().min(1).max(100).optional(), township: place.optional(), village: place.optional(), amountAtIssueFen: z.number().int().optional(), actor }).strict()),
  updateRectification: one(z.object({ id: z.number().int().min(1), patch: rectificationSchema.strict(), actor }).strict()),
  addRectificationEvidence: one(z.object({ id: z.number().int().min(1), path: nonEmpty, actor }).strict()),
  saveRectificationEvidence: one(z.object({ evidenceId: z.number().int().min(1), path: nonEmpty }).strict()),
  closeRectification: one(z.object({ id: z.number().int().min(1), note: z.string().max(2000).optional(), actor }).strict()),
  exportRectifications: one(z.object({ path: nonEmpty, township: place.optional() }).strict()),
  rectificationSummary: none,
  rectificationProgress: one(z.object({ township: place.optional() }).strict()),
  listTrail: one(z.object({ entity: z.enum(TRAIL_ENTITIES).optional(), entityId: z.string().max(200).optional(), limit: z.number().int().min(1).max(100_000).optional() }).strict()),
  exportFindings: one(z.object({ query: findingQuerySchema.omit({ offset: true, limit: true }), path: nonEmpty, format: exportFormat, lang }).strict()),
  printFinding: one(z.object({ id: z.string().min(1).max(100), path: nonEmpty }).strict()),
  listPlaces: none,
  queryLedger: one(ledgerFilterSchema.extend({
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(5000).optional(),
    aroundLineId: z.number().int().min(1).optional(),
    before: context,
  }).strict()),
  ledgerContext: one(z.object({
    findingId: z.string().min(1).max(100).optional(),
    lineId: z.number().int().min(1).optional(),
    project: z.string().min(1).max(200).optional(),
    before: context,
    after: context,
  }).strict().refine((a) => [a.findingId, a.lineId, a.project].filter((x) => x !== undefined).length === 1, { message: 'one of findingId, lineId, project' })),
  summarize: one(pivotQuerySchema),
  exportSummary: one(z.object({ query: pivotQuerySchema, path: nonEmpty, format: exportFormat, lang }).strict()),
  drawSample: one(z.object({ method: z.enum(['random', 'mus']), size: z.number().int().min(1).max(10_000), seed: seed.optional(), population: samplePopulation, actor }).strict()),
  extendSample: one(z.object({ id: sampleId, add: z.number().int().min(1).max(10_000), actor }).strict()),
  listSamples: none,
  exportSample: one(z.object({ id: sampleId, path: nonEmpty, format: exportFormat, lang }).strict()),
  setLanguage: one(z.object({ lang }).strict()),
  packageScope: none,
  exportPackage: one(z.object({
    path: nonEmpty, password: packagePassword, actor,
    villages: z.array(z.object({ township: place, village: place }).strict()).max(5000).optional(),
    final: z.boolean().optional(),
  }).strict()),
  importPackage: one(z.object({ path: nonEmpty, password: packagePassword, actor }).strict()),
  listConflicts: one(z.object({ all: z.boolean().optional() }).strict()),
  resolveConflict: one(z.object({
    id: z.number().int().min(1), actor, decision: z.enum(['confirmed', 'dismissed']).optional(), note: z.string().max(2000).optional(), acknowledgeLeads: z.boolean().optional(),
  }).strict()),
  rollup: none,
  exportRollup: one(z.object({ path: nonEmpty }).strict()),
  disposeWorkspace: one(z.object({ packagePath: nonEmpty, actor, originals: z.boolean().optional() }).strict()),
  chooseFiles: one(z.object({ kind: dialogKind, multiple: z.boolean().optional() }).strict()),
  chooseDirectory: one(z.object({ title: z.string().max(200).optional() }).strict()),
  chooseWorkspace: one(z.object({ create: z.boolean() }).strict()),
  chooseSaveFile: one(z.object({ defaultName: z.string().trim().min(1).max(255), title: z.string().max(200).optional() }).strict()),
  recentWorkspaces: none,
} as const satisfies Record<AuditMethod, z.ZodTuple>;

/** The arguments a method is called with: what its schema accepts. */
export type AuditArgs<M extends AuditMethod> = z.input<(typeof ARG_SCHEMAS)[M]>;

/** Every method of the contract (mapped over the table, so each keeps its documentation there). */
export type AuditApi = { -readonly [M in keyof typeof METHODS]: (...args: AuditArgs<M>) => Promise<AuditResults[M]> };
/** The part of the contract the engine implements. */
export type EngineApi = Pick<AuditApi, EngineMethod>;
/** The part the shell answers itself. */
export type ShellApi = Pick<AuditApi, ShellMethod>;

/** What `window.audit` is in the renderer: the contract's methods plus the engine's events. */
export interface AuditBridge extends AuditApi {
  onEvent(listener: (event: AuditEvent) => void): () => void;
}

// Compile-time check: the result map names no method the table lacks (a missing one fails AuditApi).
type _NoStrayResults = Exclude<keyof AuditResults, AuditMethod> extends never ? true : never;
export const _resultsMatchMethods: _NoStrayResults = true;
