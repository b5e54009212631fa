// The engine behind the contract: one object that the Electron worker, the CLI and the tests all
// call. It owns the open workspace and implements EngineApi by calling the stores and the logic
// below it; it holds no SQL of its own.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type {
  AuditArgs, AuditEvent, Cadre, ExportedFile, LedgerContext, LedgerPage, LedgerPlace, PivotTable, Sample, CadreImportResult, CaseLead, EngineApi, FilePreview, FindingDetail, FindingPage, HandoffRecord, ImportOptions,
  ImportResult, Lead, LeadExport, LeadVersion, Overview, ProjectFigures, RectificationItem, RectificationProgressPoint, RectificationSummaryRow,
  ReviewImpact, RiskRanking, RowError, RuleInfo, RunSummary, SourceFileInfo, TrailEntry, VerifyBreak, VerifyReport, WorkspaceFileInfo, WorkspaceInfo, BenfordFigures,
  DisposalResult, MergeConflict, PackageExportResult, PackageImportResult, PackageScopeVillage, Rollup,
} from './contract';
import { findingsSheet, pivotSheet, sampleSheets } from './analytics/exports';
import { findingHtml } from './analytics/finding-print';
import { ledgerContext, listPlaces, queryLedger } from './analytics/ledger-view';
import { pivot } from './analytics/pivot';
import { drawSample, extendSample, getSample, listSamples } from './analytics/sampling';
import { writeTable } from './analytics/table-file';
import { EngineError } from './i18n/errors';
import { bi, zh } from './i18n/messages';
import { previewFile } from './ingest/preview';
import { rowErrorsCsv } from './ingest/row-errors';
import { buildLeads } from './leads/build';
import { importCadres, listCadres } from './leads/cadres';
import { writeLeadFiles } from './leads/csv';
import { listHandoffs, writeHandoff } from './leads/handoff';
import { reviewImpact, reviewWithLeads } from './leads/review';
import { htmlToPdf } from './leads/handoff-pdf';
import {
  addRectificationEvidence, checkEvidence, closeRectification, createRectification, listRectifications, rectificationIdOf, rectificationProgress, rectificationSummary,
  saveRectificationEvidence, updateRectification, writeRectificationXlsx, type EvidenceStore,
} from './leads/rectification';
import {
  buildCaseLeads, getCaseLead, leadNumberOfFinding, leadSource, leadVersions, listCaseLeads, mergeCaseLeads, setLeadSource, splitCaseLead, updateCaseLead,
} from './leads/store';
import { listTrail } from './leads/trail';
import { listConflicts, resolveConflict } from './leads/conflicts';
import { carryOutDisposal, planDisposal } from './leads/disposal';
import { exportPackage, packageScope, type PackageContext } from './leads/package-export';
import { importPackage } from './leads/package-import';
import { rollup, writeRollupXlsx } from './leads/rollup';
import { RULES, ruleById } from './rules';
import { figuresOf, projectPayments } from './rules/payment-exceeds-acceptance';
import { riskRanking } from './rules/ranking';
import { ruleInfo, runRules } from './rules/run';
import type { Rule } from './rules/types';
import { asyncTransaction, openDb, rekeyDb, schemaVersion, workspaceFileState, writeTx, type Db } from './workspace/db';
import { evidenceKey, finishRewrap, prepareRewrap } from './workspace/evidence-crypto';
import { getFindingRow, queryFindings, reviewHistory } from './workspace/findings-store';
import { verifyWorkspace } from './workspace/verify';
import { importFile } from './workspace/importer';
import { ledgerLineViews } from './workspace/ledger-lines';
import { ledgerSnapshot } from './workspace/ledger-snapshot';
import { overview, workspaceCounts } from './workspace/overview-store';
import { resetRuleSettings, saveRuleSettings } from './workspace/settings-store';
import { hasSourceFile, listSourceFiles } from './workspace/sources-store';

/** The sample district that openSampleDistrict imports: its folder and the file names in it. */
export interface SampleDistrict {
  dir: string;
  ledgers: string[];
  projects: string[];
  cadres: string[];
}

export interface ServiceOptions {
  onEvent?: (e: AuditEvent) => void;
  /** Where openSampleDistrict keeps its workspace (the app: its user-data folder). */
  sampleWorkspacePath?: string;
  /** The sample district (the app: its bundled resources; the CLI and tests: fixtures/district). */
  sample?: SampleDistrict;
  now?: () => string;
  log?: (msg: string) => void;
  /** Renders the handoff sheet's HTML to PDF (the app: Electron's printToPDF); default Chromium via playwright-core. */
  renderPdf?: (html: string) => Promise<Buffer>;
}

/** Every file of a batch imported (or already there), or the batch rolled back. */
export interface BatchResult {
  ok: boolean;
  results: ImportResult[];
  cadres?: CadreImportResult[];
}

/** Rules whose findings carry a project's figures (contract, accepted, measured, paid). */
const PROJECT_RULES = new Set(['payment-exceeds-acceptance', 'paid-before-acceptance']);

const landed = (r: { status: string }): boolean => r.status === 'imported' || r.status === 'duplicate';

export class AuditService implements EngineApi {
  private db: Db | null = null;
  private path: string | null = null;
  private importAbort: AbortController | null = null;
  /** The last rejected import's errors, all of them, for saveImportErrors. */
  private rejected: { sha256: string; errors: RowError[]; total: number } | null = null;
  private readonly now: () => string;
  /** An encrypted workspace's evidence data key, while it is open (never the password, which is not kept). */
  private evidenceKey: Buffer | null = null;
  private integrity: VerifyReport | null = null;

  constructor(private readonly opts: ServiceOptions = {}) {
    this.now = opts.now ?? (() => new Date().toISOString());
  }

  private get ws(): Db {
    if (!this.db) throw new EngineError('no-workspace', 'err.no-workspace');
    return this.db;
  }

  private get today(): string {
    return this.now().slice(0, 10);
  }

  /** Where evidence files are kept: beside the workspace file (encrypted with its data key when it has a password). */
  private get evidence(): EvidenceStore {
    return { dir: `${this.path as string}.files`, key: this.evidenceKey };
  }

  private info(): WorkspaceInfo {
    const integrity = this.integrity ?? this.verify();
    return { path: this.path as string, ...workspaceCounts(this.ws), schemaVersion: schemaVersion(this.ws), encrypted: this.evidenceKey !== null, integrity };
  }

  /** The chain, the source seals, and the evidence files beside the workspace. */
  private verify(): VerifyReport {
    const more = (): VerifyBreak[] => checkEvidence(this.ws, this.evidence).map((e) => ({
      kind: 'evidence', seq: null, table: 'rect_evidence', ref: e.id, what: bi('verify.what', { table: bi('verify.table.rect_evidence'), ref: e.id }), changes: [],
      message: bi(e.why === 'missing' ? 'verify.break.evidence-missing' : 'verify.break.evidence-changed', { name: e.name }),
    }));
    this.integrity = verifyWorkspace(this.ws, { now: this.now(), more });
    return this.integrity;
  }

  async inspectWorkspace(args: AuditArgs<'inspectWorkspace'>[0]): Promise<WorkspaceFileInfo> {
    const path = resolve(args.path);
    const state = workspaceFileState(path);
    return { path, exists: state !== 'missing', encrypted: state === 'encrypted' };
  }

  async verifyWorkspace(): Promise<VerifyReport> {
    return this.verify();
  }

  async changePassword(args: AuditArgs<'changePassword'>[0]): Promise<void> {
    const db = this.ws;
    if (!this.evidenceKey) throw new EngineError('conflict', 'ws.err.not-encrypted-change');
    // The current password must open the evidence key (the same check as opening).
    let key: Buffer;
    try {
      key = evidenceKey(db, args.current);
    } catch {
      throw new EngineError('invalid-arguments', 'ws.err.wrong-password', { path: this.path as string });
    }
    writeTx(db, () => prepareRewrap(db, key, args.next));
    rekeyDb(db, args.next);
    writeTx(db, () => finishRewrap(db));
  }

  async workspaceInfo(): Promise<WorkspaceInfo | null> {
    return this.db && this.path ? this.info() : null;
  }

  async openWorkspace(args: AuditArgs<'openWorkspace'>[0]): Promise<WorkspaceInfo> {
    await this.closeWorkspace();
    const path = resolve(args.path);
    const db = openDb(path, { log: this.opts.log, password: args.password });
    try {
      this.evidenceKey = args.password ? writeTx(db, () => evidenceKey(db, args.password as string)) : null;
    } catch (e) {
      db.close();
      throw e;
    }
    this.db = db;
    this.path = path;
    // Opening checks the workspace: a break is in the answer, for the app to show at once.
    this.verify();
    return this.info();
  }

  async openSampleDistrict(): Promise<WorkspaceInfo> {
    const sample = this.opts.sample;
    if (!sample) throw new EngineError('not-found', 'err.no-sample');
    const path = this.opts.sampleWorkspacePath ?? join(tmpdir(), 'village-audit-sample.sqlite');
    await this.openWorkspace({ path, create: true });
    const r = await this.importBatch([
      ...sample.ledgers.map((f) => ({ path: join(sample.dir, f), kind: 'ledger' as const })),
      ...sample.projects.map((f) => ({ path: join(sample.dir, f), kind: 'projects' as const })),
    ], sample.cadres.map((f) => join(sample.dir, f)));
    if (!r.ok) {
      const last = r.results[r.results.length - 1];
      throw new EngineError('engine-error', 'err.sample-failed', { message: last?.message ?? '', messageEn: last?.messageEn ?? '' });
    }
    await this.runRules();
    return this.info();
  }

  async closeWorkspace(): Promise<void> {
    this.db?.close();
    this.db = null;
    this.path = null;
    this.evidenceKey = null;
    this.integrity = null;
  }

  async previewFile(args: ImportOptions): Promise<FilePreview> {
    return previewFile(args, (sha) => !!this.db && hasSourceFile(this.db, sha));
  }

  async importFile(args: ImportOptions): Promise<ImportResult> {
    const db = this.ws;
    this.importAbort = new AbortController();
    try {
      let all: RowError[] = [];
      const r = await importFile(db, args, {
        signal: this.importAbort.signal,
        now: this.now,
        onProgress: (progress) => this.opts.onEvent?.({ type: 'import-progress', progress }),
        onRejected: (errors) => { all = errors; },
      });
      if (r.status === 'rejected' && r.errorCount > 0) this.rejected = { sha256: r.sha256, errors: all, total: r.errorCount };
      return r;
    } finally {
      this.importAbort = null;
    }
  }

  async saveImportErrors(args: AuditArgs<'saveImportErrors'>[0]): Promise<{ path: string; errors: number }> {
    const r = this.rejected;
    if (!r || r.sha256 !== args.sha256) throw new EngineError('not-found', 'err.not-found', { what: args.sha256.slice(0, 12) });
    const path = resolve(args.path);
    writeFileSync(path, rowErrorsCsv(r.errors, r.total));
    return { path, errors: r.errors.length };
  }

  /**
   * Several files, all or nothing: the CLI's `audit` imports every --ledger and --projects file
   * of one call, and its officers' rosters (--cadres), in one transaction, so a bad file leaves
   * the workspace exactly as it was.
   */
  async importBatch(files: ImportOptions[], cadreFiles: string[] = []): Promise<BatchResult> {
    const db = this.ws;
    return asyncTransaction(db, async () => {
      const results: ImportResult[] = [];
      for (const f of files) {
        results.push(await this.importFile(f));
        if (!landed(results[results.length - 1] as ImportResult)) return { ok: false, results };
      }
      const cadres: CadreImportResult[] = [];
      for (const path of cadreFiles) {
        cadres.push(await importCadres(db, { path, encoding: files[0]?.encoding }, this.now()));
        if (!landed(cadres[cadres.length - 1] as CadreImportResult)) return { ok: false, results, cadres };
      }
      return { ok: true, results, cadres };
    });
  }

  async cancelImport(): Promise<void> {
    this.importAbort?.abort();
  }

  async listFiles(): Promise<SourceFileInfo[]> {
    return listSourceFiles(this.ws);
  }

  async runRules(): Promise<RunSummary> {
    return runRules(this.ws, { now: this.now(), onProgress: (rule, done, total) => this.opts.onEvent?.({ type: 'rules-progress', rule, done, total }) });
  }

  async listFindings(query: AuditArgs<'listFindings'>[0]): Promise<FindingPage> {
    return queryFindings(this.ws, query);
  }

  async getFinding(args: AuditArgs<'getFinding'>[0]): Promise<FindingDetail> {
    const db = this.ws;
    const f = getFindingRow(db, args.id);
    if (!f) throw new EngineError('not-found', 'err.not-found', { what: args.id });
    const { lineIds, details, ...finding } = f;
    // Where the finding went: its lead, and a rectification item made from it or from that lead.
    const leadNumber = leadNumberOfFinding(db, args.id);
    return {
      ...finding, lines: ledgerLineViews(db, lineIds), projectFigures: PROJECT_RULES.has(f.rule) && details ? (details as ProjectFigures) : null,
      benford: f.rule === 'benford' && details ? (details as BenfordFigures) : null,
      history: reviewHistory(db, args.id), leadNumber, rectificationId: rectificationIdOf(db, args.id, leadNumber),
    };
  }

  async reviewFindings(args: AuditArgs<'reviewFindings'>[0]): Promise<number> {
    return reviewWithLeads(this.ws, { ids: args.ids, decision: args.decision, reviewer: args.reviewer.trim(), note: args.note?.trim() || null, acknowledgeLeads: args.acknowledgeLeads }, this.now());
  }

  async reviewImpact(args: AuditArgs<'reviewImpact'>[0]): Promise<ReviewImpact> {
    return reviewImpact(this.ws, args.ids, args.decision);
  }

  async overview(): Promise<Overview> {
    return overview(this.ws);
  }

  async riskRanking(): Promise<RiskRanking> {
    return riskRanking(this.ws);
  }

  async listProjects(): Promise<ProjectFigures[]> {
    return projectPayments(this.ws, ledgerSnapshot(this.ws)).map(figuresOf);
  }

  private rule(id: string): Rule {
    const r = ruleById(id);
    if (!r) throw new EngineError('not-found', 'err.not-found', { what: id });
    return r;
  }

  async listRules(): Promise<RuleInfo[]> {
    return RULES.map((r) => ruleInfo(this.ws, r));
  }

  async saveRuleSettings(args: AuditArgs<'saveRuleSettings'>[0]): Promise<RuleInfo> {
    const rule = this.rule(args.rule);
    try {
      saveRuleSettings(this.ws, rule, args.settings);
    } catch (e) {
      throw new EngineError('invalid-arguments', 'err.settings', { detail: e instanceof Error ? e.message : String(e) });
    }
    return ruleInfo(this.ws, rule);
  }

  async resetRuleSettings(args: AuditArgs<'resetRuleSettings'>[0]): Promise<RuleInfo> {
    const rule = this.rule(args.rule);
    resetRuleSettings(this.ws, rule);
    return ruleInfo(this.ws, rule);
  }

  async buildLeads(): Promise<Lead[]> {
    return buildLeads(queryFindings(this.ws, { limit: 200_000 }).rows, RULES);
  }

  async exportLeads(args: AuditArgs<'exportLeads'>[0]): Promise<LeadExport> {
    return writeLeadFiles(args.dir, await this.buildLeads());
  }

  // ---- case leads, handoff, rectification, trail: the logic is in shared/leads/ ----
  async importCadres(args: AuditArgs<'importCadres'>[0]): Promise<CadreImportResult> {
    return importCadres(this.ws, args, this.now());
  }

  async listCadres(args: AuditArgs<'listCadres'>[0]): Promise<Cadre[]> {
    return listCadres(this.ws, args);
  }

  async buildCaseLeads(args: AuditArgs<'buildCaseLeads'>[0]): Promise<string[]> {
    return buildCaseLeads(this.ws, this.now(), args.actor);
  }

  async listCaseLeads(args: AuditArgs<'listCaseLeads'>[0]): Promise<CaseLead[]> {
    return listCaseLeads(this.ws, args);
  }

  async getCaseLead(args: AuditArgs<'getCaseLead'>[0]): Promise<{ lead: CaseLead; versions: LeadVersion[] }> {
    const lead = getCaseLead(this.ws, args.number);
    if (!lead) throw new EngineError('not-found', 'lead.err.not-found', { number: args.number });
    return { lead, versions: leadVersions(this.ws, args.number) };
  }

  async updateCaseLead(args: AuditArgs<'updateCaseLead'>[0]): Promise<CaseLead> {
    return updateCaseLead(this.ws, args.number, args.patch, args.actor, this.now());
  }

  async mergeCaseLeads(args: AuditArgs<'mergeCaseLeads'>[0]): Promise<CaseLead> {
    return mergeCaseLeads(this.ws, args.numbers, args.actor, this.now());
  }

  async splitCaseLead(args: AuditArgs<'splitCaseLead'>[0]): Promise<CaseLead> {
    return splitCaseLead(this.ws, args.number, args.findingIds, args.actor, this.now());
  }

  async getLeadSource(): Promise<string> {
    return leadSource(this.ws);
  }

  async setLeadSource(args: AuditArgs<'setLeadSource'>[0]): Promise<void> {
    setLeadSource(this.ws, args.source, args.actor, this.now());
  }

  async handoffLeads(args: AuditArgs<'handoffLeads'>[0]): Promise<HandoffRecord[]> {
    return writeHandoff(this.ws, { ...args, now: this.now(), renderPdf: this.opts.renderPdf });
  }

  async listHandoffs(): Promise<HandoffRecord[]> {
    return listHandoffs(this.ws);
  }

  async listRectifications(args: AuditArgs<'listRectifications'>[0]): Promise<RectificationItem[]> {
    return listRectifications(this.ws, args, this.today);
  }

  async createRectification(args: AuditArgs<'createRectification'>[0]): Promise<RectificationItem> {
    const { actor, ...input } = args;
    return createRectification(this.ws, input, actor, this.now());
  }

  async updateRectification(args: AuditArgs<'updateRectification'>[0]): Promise<RectificationItem> {
    return updateRectification(this.ws, args.id, args.patch, args.actor, this.now());
  }

  async addRectificationEvidence(args: AuditArgs<'addRectificationEvidence'>[0]): Promise<RectificationItem> {
    return addRectificationEvidence(this.ws, this.evidence, args.id, resolve(args.path), args.actor, this.now());
  }

  async saveRectificationEvidence(args: AuditArgs<'saveRectificationEvidence'>[0]): Promise<{ path: string; name: string; sha256: string }> {
    return saveRectificationEvidence(this.ws, this.evidence, args.evidenceId, resolve(args.path));
  }

  async closeRectification(args: AuditArgs<'closeRectification'>[0]): Promise<RectificationItem> {
    return closeRectification(this.ws, args.id, args.note, args.actor, this.now());
  }

  async exportRectifications(args: AuditArgs<'exportRectifications'>[0]): Promise<{ path: string; sha256: string; items: number }> {
    return writeRectificationXlsx(listRectifications(this.ws, { township: args.township }, this.today), resolve(args.path));
  }

  async rectificationSummary(): Promise<RectificationSummaryRow[]> {
    return rectificationSummary(this.ws, this.today);
  }

  async rectificationProgress(args: AuditArgs<'rectificationProgress'>[0]): Promise<RectificationProgressPoint[]> {
    return rectificationProgress(this.ws, args);
  }

  async listTrail(args: AuditArgs<'listTrail'>[0]): Promise<TrailEntry[]> {
    return listTrail(this.ws, args);
  }

  // ---- analytics: the logic is in shared/analytics/ ----
  async exportFindings(args: AuditArgs<'exportFindings'>[0]): Promise<ExportedFile> {
    const rows = queryFindings(this.ws, { ...args.query, limit: 200_000 }).rows;
    return writeTable(args.path, args.format, [findingsSheet(rows, args.lang)], zh('ui.app.title'));
  }

  async printFinding(args: AuditArgs<'printFinding'>[0]): Promise<ExportedFile> {
    const detail = await this.getFinding({ id: args.id });
    // The village's lines around the finding's vouchers; none when its lines left the ledger.
    let context: LedgerContext | null = null;
    try {
      context = ledgerContext(this.ws, ledgerSnapshot(this.ws), { findingId: args.id, before: 5, after: 5 });
    } catch (e) {
      if (!(e instanceof EngineError && e.code === 'not-found')) throw e;
    }
    const pdf = await (this.opts.renderPdf ?? htmlToPdf)(findingHtml(detail, context, this.now()));
    const path = resolve(args.path);
    writeFileSync(path, pdf);
    return { path, rows: detail.lines.length, sha256: createHash('sha256').update(pdf).digest('hex') };
  }

  async listPlaces(): Promise<LedgerPlace[]> {
    return listPlaces(ledgerSnapshot(this.ws));
  }

  async queryLedger(args: AuditArgs<'queryLedger'>[0]): Promise<LedgerPage> {
    return queryLedger(ledgerSnapshot(this.ws), args);
  }

  async ledgerContext(args: AuditArgs<'ledgerContext'>[0]): Promise<LedgerContext> {
    return ledgerContext(this.ws, ledgerSnapshot(this.ws), args);
  }

  async summarize(args: AuditArgs<'summarize'>[0]): Promise<PivotTable> {
    return pivot(this.ws, ledgerSnapshot(this.ws), args);
  }

  async exportSummary(args: AuditArgs<'exportSummary'>[0]): Promise<ExportedFile> {
    return writeTable(args.path, args.format, [pivotSheet(await this.summarize(args.query), args.lang)], zh('ui.app.title'));
  }

  async drawSample(args: AuditArgs<'drawSample'>[0]): Promise<Sample> {
    return drawSample(this.ws, ledgerSnapshot(this.ws), { ...args, actor: args.actor.trim(), now: this.now() });
  }

  async extendSample(args: AuditArgs<'extendSample'>[0]): Promise<Sample> {
    return extendSample(this.ws, ledgerSnapshot(this.ws), { ...args, actor: args.actor.trim(), now: this.now() });
  }

  async listSamples(): Promise<Sample[]> {
    return listSamples(this.ws);
  }

  async exportSample(args: AuditArgs<'exportSample'>[0]): Promise<ExportedFile> {
    return writeTable(args.path, args.format, sampleSheets(getSample(this.ws, args.id), args.lang), zh('ui.app.title'));
  }

  // ---- work packages, merge, roll-up, disposal: the logic is in shared/leads/package-*.ts, conflicts, rollup, disposal ----
  private packageContext(): PackageContext {
    return { db: this.ws, evidence: this.evidence, now: this.now(), onProgress: (phase, done, total) => this.opts.onEvent?.({ type: 'package-progress', phase, done, total }) };
  }

  async packageScope(): Promise<PackageScopeVillage[]> {
    return packageScope(this.ws);
  }

  async exportPackage(args: AuditArgs<'exportPackage'>[0]): Promise<PackageExportResult> {
    return exportPackage(this.packageContext(), args);
  }

  async importPackage(args: AuditArgs<'importPackage'>[0]): Promise<PackageImportResult> {
    const r = await importPackage(this.packageContext(), args);
    this.integrity = null;
    return { ...r, conflicts: listConflicts(this.ws, { all: true, ownGroup: leadSource(this.ws) }).filter((c) => r.conflicts.some((x) => x.id === c.id)) };
  }

  async listConflicts(args: AuditArgs<'listConflicts'>[0]): Promise<MergeConflict[]> {
    return listConflicts(this.ws, { all: args.all, ownGroup: leadSource(this.ws) });
  }

  async resolveConflict(args: AuditArgs<'resolveConflict'>[0]): Promise<MergeConflict> {
    const c = resolveConflict(this.ws, args, this.now());
    return listConflicts(this.ws, { all: true, ownGroup: leadSource(this.ws) }).find((x) => x.id === c.id) ?? c;
  }

  async rollup(): Promise<Rollup> {
    return rollup(this.ws);
  }

  async exportRollup(args: AuditArgs<'exportRollup'>[0]): Promise<{ path: string; sha256: string; rows: number }> {
    return writeRollupXlsx(rollup(this.ws), resolve(args.path));
  }

  async disposeWorkspace(args: AuditArgs<'disposeWorkspace'>[0]): Promise<DisposalResult> {
    const workspace = this.path as string;
    const evidenceDir = this.evidence.dir;
    const plan = planDisposal(this.ws, { workspace, evidenceDir, packagePath: resolve(args.packagePath), originals: !!args.originals });
    await this.closeWorkspace();
    return carryOutDisposal(plan, { workspace, evidenceDir, actor: args.actor, now: this.now() });
  }
}
