// The engine behind the contract: one object that the Electron worker, the CLI and the tests all
// call. It owns the open workspace; every method is what AuditApi declares.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type {
  EngineApi, AuditEvent, FilePreview, FindingDetail, FindingPage, FindingQuery, ImportOptions, ImportResult, Lead, LeadExport,
  LedgerLineView, Overview, ProjectFigures, RuleInfo, RunSummary, SourceFileInfo, WorkspaceInfo, FindingStatus,
} from './contract';
import { fenToDecimalString } from './format/money';
import { EngineError } from './i18n/errors';
import { previewFile } from './ingest/preview';
import { buildLeads } from './leads/build';
import { importCadres, listCadres } from './leads/cadres';
import { listHandoffs, writeHandoff } from './leads/handoff';
import { addRectificationEvidence, saveRectificationEvidence, closeRectification, createRectification, listRectifications, rectificationProgress, rectificationSummary, rectificationXlsx, updateRectification } from './leads/rectification';
import { buildCaseLeads, getCaseLead, leadSource, leadVersions, listCaseLeads, mergeCaseLeads, setLeadSource, splitCaseLead, updateCaseLead } from './leads/store';
import { listTrail } from './leads/trail';
import type { Cadre, CadreImportResult, CaseLead, HandoffRecord, LeadPatch, RectificationItem, RectificationProgressPoint, RectificationSummaryRow, TrailEntry } from './contract';
import type { RectificationInput } from './leads/rectification';
import { leadsToCsv } from './leads/csv';
import { RULES, ruleById } from './rules';
import { figuresOf, projectPayments } from './rules/payment-exceeds-acceptance';
import type { Rule } from './rules/types';
import { openDb, schemaVersion, type Db } from './workspace/db';
import { getFindingRow, queryFindings, reviewFindings, reviewHistory, storeRun } from './workspace/findings-store';
import { ensureLedgerIndexes, importFile } from './workspace/importer';
import { loadRuleSettings, resetRuleSettings, saveRuleSettings } from './workspace/settings-store';

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

export class AuditService implements EngineApi {
  private db: Db | null = null;
  private path: string | null = null;
  private importAbort: AbortController | null = null;
  private readonly now: () => string;

  constructor(private readonly opts: ServiceOptions = {}) {
    this.now = opts.now ?? (() => new Date().toISOString());
  }

  private get ws(): Db {
    if (!this.db) throw new EngineError('no-workspace', 'err.no-workspace');
    return this.db;
  }

  async workspaceInfo(): Promise<WorkspaceInfo | null> {
    if (!this.db || !this.path) return null;
    const c = this.db.prepare(`SELECT (SELECT COUNT(*) FROM source_files) AS files, (SELECT COUNT(*) FROM ledger_rows) AS lines,
      (SELECT COUNT(*) FROM findings WHERE active = 1) AS findings`).get() as { files: number; lines: number; findings: number };
    return { path: this.path, ...c, schemaVersion: schemaVersion(this.db) };
  }

  async openWorkspace(args: { path: string; create?: boolean }): Promise<WorkspaceInfo> {
    this.db?.close();
    const path = resolve(args.path);
    this.db = openDb(path, { log: this.opts.log });
    ensureLedgerIndexes(this.db);
    this.path = path;
    return (await this.workspaceInfo()) as WorkspaceInfo;
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
    return (await this.workspaceInfo()) as WorkspaceInfo;
  }

  async closeWorkspace(): Promise<void> {
    this.db?.close();
    this.db = null;
    this.path = null;
  }

  async previewFile(args: ImportOptions): Promise<FilePreview> {
    return previewFile(args, (sha) => !!this.db?.prepare('SELECT 1 FROM source_files WHERE sha256 = ?').get(sha));
  }

  async importFile(args: ImportOptions): Promise<ImportResult> {
    const db = this.ws;
    this.importAbort = new AbortController();
    try {
      return await importFile(db, args, {
        signal: this.importAbort.signal,
        now: this.now,
        onProgress: (progress) => this.opts.onEvent?.({ type: 'import-progress', progress }),
      });
    } finally {
      this.importAbort = null;
    }
  }

  /**
   * Several files, all or nothing: the CLI's `audit` imports every --ledger and --projects file
   * of one call in one transaction, so a bad file leaves the workspace exactly as it was.
   */
  async importBatch(files: ImportOptions[], cadreFiles: string[] = []): Promise<{ ok: boolean; results: ImportResult[]; cadres?: CadreImportResult[] }> {
    const db = this.ws;
    const results: ImportResult[] = [];
    const cadres: CadreImportResult[] = [];
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const f of files) {
        const r = await this.importFile(f);
        results.push(r);
        if (r.status !== 'imported' && r.status !== 'duplicate') {
          db.exec('ROLLBACK');
          return { ok: false, results };
        }
      }
      // Officers' rosters (--cadres) belong to the same all-or-nothing batch.
      for (const path of cadreFiles) {
        const r = await importCadres(db, { path, encoding: files[0]?.encoding }, this.now());
        cadres.push(r);
        if (r.status !== 'imported' && r.status !== 'duplicate') {
          db.exec('ROLLBACK');
          return { ok: false, results, cadres };
        }
      }
      db.exec('COMMIT');
      return { ok: true, results, cadres };
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
  }

  async cancelImport(): Promise<void> {
    this.importAbort?.abort();
  }

  async listFiles(): Promise<SourceFileInfo[]> {
    return (this.ws.prepare(`SELECT id, name, kind, sha256, encoding, size, line_count AS lineCount, rows_imported AS rowsImported,
      rows_skipped AS rowsSkipped, has_attachments AS hasAttachments, imported_at AS importedAt FROM source_files ORDER BY id`).all() as (Omit<SourceFileInfo, 'hasAttachments'> & { hasAttachments: number })[])
      .map((f) => ({ ...f, hasAttachments: !!f.hasAttachments }));
  }

  async runRules(): Promise<RunSummary> {
    const db = this.ws;
    const started = performance.now();
    const results = RULES.map((rule, i) => {
      this.opts.onEvent?.({ type: 'rules-progress', rule: rule.id, done: i, total: RULES.length });
      const out = rule.run(db, loadRuleSettings(db, rule));
      return { rule: rule.id, ...out };
    });
    this.opts.onEvent?.({ type: 'rules-progress', rule: '', done: RULES.length, total: RULES.length });
    storeRun(db, results, this.now());
    const summary = RULES.map((rule) => {
      const r = results.find((x) => x.rule === rule.id);
      const amountFen = (r?.findings ?? []).reduce((s, f) => s + f.amountFen, 0);
      return { rule: rule.id, title: rule.title, titleEn: rule.titleEn, count: r?.findings.length ?? 0, amountFen, amount: fenToDecimalString(amountFen) };
    });
    return {
      rules: summary,
      notices: results.flatMap((r) => r.notices),
      total: summary.reduce((s, r) => s + r.count, 0),
      totalAmountFen: summary.reduce((s, r) => s + r.amountFen, 0),
      durationMs: Math.round(performance.now() - started),
    };
  }

  async listFindings(query: FindingQuery): Promise<FindingPage> {
    return queryFindings(this.ws, query);
  }

  async getFinding(args: { id: string }): Promise<FindingDetail> {
    const db = this.ws;
    const f = getFindingRow(db, args.id);
    if (!f) throw new EngineError('not-found', 'err.not-found', { what: args.id });
    const stmt = db.prepare(`SELECT l.id, f.name AS file, l.line_no AS line, l.date, l.voucher, l.summary, l.account_code AS accountCode,
      l.account_name AS accountName, l.debit_fen AS debitFen, l.credit_fen AS creditFen, l.attachments, l.counterparty, l.project
      FROM ledger_lines l JOIN source_files f ON f.id = l.file_id WHERE l.id = ?`);
    const lines = f.lineIds.map((id) => stmt.get(id) as LedgerLineView).filter(Boolean);
    const { lineIds: _ids, details, ...finding } = f;
    // Where the finding went: its lead, and a rectification item made from it or from that lead.
    const lead = db.prepare('SELECT l.number FROM lead_findings lf JOIN leads l ON l.id = lf.lead_id WHERE lf.finding_id = ?').get(args.id) as { number: string } | undefined;
    const rect = db.prepare('SELECT id FROM rectifications WHERE finding_id = ? OR (lead_number IS NOT NULL AND lead_number = ?) ORDER BY id LIMIT 1')
      .get(args.id, lead?.number ?? null) as { id: number } | undefined;
    return {
      ...finding, lines, projectFigures: f.rule === 'payment-exceeds-acceptance' ? (details as ProjectFigures) : null, history: reviewHistory(db, args.id),
      leadNumber: lead?.number ?? null, rectificationId: rect?.id ?? null,
    };
  }

  async reviewFindings(args: { ids: string[]; decision: FindingStatus; note?: string; reviewer: string }): Promise<number> {
    return reviewFindings(this.ws, args.ids, args.decision, args.reviewer.trim(), args.note?.trim() || null, this.now());
  }

  async overview(): Promise<Overview> {
    const db = this.ws;
    const one = <T>(sql: string): T => db.prepare(sql).get() as T;
    const counts = one<{ townships: number; villages: number; lines: number }>(
      `SELECT (SELECT COUNT(DISTINCT township_id) FROM vouchers) AS townships, (SELECT COUNT(*) FROM (SELECT DISTINCT township_id, village_id FROM vouchers)) AS villages,
         (SELECT COUNT(*) FROM ledger_rows) AS lines`);
    const f = one<{ findings: number; amountFen: number; reviewed: number; confirmed: number; dismissed: number }>(
      `SELECT COUNT(*) AS findings, COALESCE(SUM(amount_fen), 0) AS amountFen, SUM(status <> 'pending') AS reviewed,
         SUM(status = 'confirmed') AS confirmed, SUM(status = 'dismissed') AS dismissed FROM findings WHERE active = 1`);
    const group = (col: string, order = `${col}`) => db.prepare(`SELECT ${col} AS k, COUNT(*) AS count, SUM(amount_fen) AS amountFen FROM findings WHERE active = 1 GROUP BY ${col} ORDER BY ${order}`).all() as { k: string; count: number; amountFen: number }[];
    return {
      townships: counts.townships,
      villages: counts.villages,
      lines: counts.lines,
      files: one<{ n: number }>('SELECT COUNT(*) AS n FROM source_files').n,
      findings: f.findings,
      amountFen: f.amountFen,
      reviewed: f.reviewed ?? 0,
      confirmed: f.confirmed ?? 0,
      dismissed: f.dismissed ?? 0,
      byRule: group('rule').map((r) => ({ rule: r.k, count: r.count, amountFen: r.amountFen })),
      byTownship: group('township').map((r) => ({ township: r.k, count: r.count, amountFen: r.amountFen })),
      byMonth: group('substr(date, 1, 7)').map((r) => ({ month: r.k, count: r.count, amountFen: r.amountFen })),
      villagesRanked: (db.prepare(`SELECT township, village, COUNT(*) AS count, SUM(amount_fen) AS amountFen FROM findings WHERE active = 1
        GROUP BY township, village ORDER BY amountFen DESC, township, village`).all() as Overview['villagesRanked']),
    };
  }

  async listProjects(): Promise<ProjectFigures[]> {
    return projectPayments(this.ws).map(figuresOf);
  }

  private ruleInfo(rule: Rule): RuleInfo {
    return {
      id: rule.id, title: rule.title, titleEn: rule.titleEn, policy: rule.policy, policyEn: rule.policyEn,
      settings: loadRuleSettings(this.ws, rule), defaults: rule.defaults,
    };
  }

  private rule(id: string): Rule {
    const r = ruleById(id);
    if (!r) throw new EngineError('not-found', 'err.not-found', { what: id });
    return r;
  }

  async listRules(): Promise<RuleInfo[]> {
    return RULES.map((r) => this.ruleInfo(r));
  }

  async saveRuleSettings(args: { rule: string; settings: Record<string, unknown> }): Promise<RuleInfo> {
    const rule = this.rule(args.rule);
    try {
      saveRuleSettings(this.ws, rule, args.settings);
    } catch (e) {
      throw new EngineError('invalid-arguments', 'err.settings', { detail: e instanceof Error ? e.message : String(e) });
    }
    return this.ruleInfo(rule);
  }

  async resetRuleSettings(args: { rule: string }): Promise<RuleInfo> {
    const rule = this.rule(args.rule);
    resetRuleSettings(this.ws, rule);
    return this.ruleInfo(rule);
  }

  async buildLeads(): Promise<Lead[]> {
    const page = queryFindings(this.ws, { limit: 200_000 });
    return buildLeads(page.rows, RULES);
  }

  async exportLeads(args: { dir: string }): Promise<LeadExport> {
    const leads = await this.buildLeads();
    const dir = resolve(args.dir);
    mkdirSync(dir, { recursive: true });
    const byTownship = new Map<string, Lead[]>();
    for (const l of leads) byTownship.set(l.township, [...(byTownship.get(l.township) ?? []), l]);
    const files: LeadExport['files'] = [];
    for (const [township, list] of byTownship) {
      const path = join(dir, `${safeFileName(township)}.csv`);
      writeFileSync(path, leadsToCsv(list));
      files.push({ township, path, leads: list.length, amountFen: list.reduce((s, l) => s + l.amountFen, 0) });
    }
    return { dir, files };
  }

  // ---- case leads, handoff, rectification, trail (issue 5): logic in shared/leads/ ----
  private get today(): string { return this.now().slice(0, 10); }
  async importCadres(args: { path: string; encoding?: 'utf-8' | 'gb18030' | 'auto'; sheet?: string; map?: Record<string, string>; actor?: string }): Promise<CadreImportResult> {
    return importCadres(this.ws, args, this.now());
  }
  async listCadres(args: { township?: string; village?: string }): Promise<Cadre[]> { return listCadres(this.ws, args); }
  async buildCaseLeads(args: { actor: string }): Promise<string[]> { return buildCaseLeads(this.ws, this.now(), args.actor); }
  async listCaseLeads(args: { township?: string; includeMerged?: boolean }): Promise<CaseLead[]> { return listCaseLeads(this.ws, args); }
  async getCaseLead(args: { number: string }): Promise<{ lead: CaseLead; versions: ReturnType<typeof leadVersions> }> {
    const lead = getCaseLead(this.ws, args.number);
    if (!lead) throw new EngineError('not-found', 'lead.err.not-found', { number: args.number });
    return { lead, versions: leadVersions(this.ws, args.number) };
  }
  async updateCaseLead(args: { number: string; actor: string; patch: LeadPatch }): Promise<CaseLead> {
    return updateCaseLead(this.ws, args.number, args.patch, args.actor, this.now());
  }
  async mergeCaseLeads(args: { numbers: string[]; actor: string }): Promise<CaseLead> { return mergeCaseLeads(this.ws, args.numbers, args.actor, this.now()); }
  async splitCaseLead(args: { number: string; findingIds: string[]; actor: string }): Promise<CaseLead> {
    return splitCaseLead(this.ws, args.number, args.findingIds, args.actor, this.now());
  }
  async getLeadSource(): Promise<string> { return leadSource(this.ws); }
  async setLeadSource(args: { source: string; actor: string }): Promise<void> { setLeadSource(this.ws, args.source, args.actor, this.now()); }
  async handoffLeads(args: { dir: string; township?: string; handedBy: string; fromUnit?: string; pdf?: boolean }): Promise<HandoffRecord[]> {
    return writeHandoff(this.ws, { ...args, now: this.now(), safeName: safeFileName, renderPdf: this.opts.renderPdf });
  }
  async listHandoffs(): Promise<HandoffRecord[]> { return listHandoffs(this.ws); }
  async listRectifications(args: { township?: string; openOnly?: boolean }): Promise<RectificationItem[]> { return listRectifications(this.ws, args, this.today); }
  async createRectification(args: RectificationInput & { township?: string; village?: string; amountAtIssueFen?: number; actor: string }): Promise<RectificationItem> {
    const { actor, ...input } = args;
    return createRectification(this.ws, input, actor, this.now());
  }
  async updateRectification(args: { id: number; patch: RectificationInput; actor: string }): Promise<RectificationItem> {
    return updateRectification(this.ws, args.id, args.patch, args.actor, this.now());
  }
  async addRectificationEvidence(args: { id: number; path: string; actor: string }): Promise<RectificationItem> {
    return addRectificationEvidence(this.ws, `${this.path as string}.files`, args.id, resolve(args.path), args.actor, this.now());
  }
  async saveRectificationEvidence(args: { evidenceId: number; path: string }): Promise<{ path: string; name: string; sha256: string }> {
    return saveRectificationEvidence(this.ws, `${this.path as string}.files`, args.evidenceId, resolve(args.path));
  }
  async closeRectification(args: { id: number; note?: string; actor: string }): Promise<RectificationItem> {
    return closeRectification(this.ws, args.id, args.note, args.actor, this.now());
  }
  async exportRectifications(args: { path: string; township?: string }): Promise<{ path: string; sha256: string; items: number }> {
    const items = listRectifications(this.ws, { township: args.township }, this.today);
    const bytes = await rectificationXlsx(items);
    const path = resolve(args.path);
    writeFileSync(path, bytes);
    return { path, sha256: createHash('sha256').update(bytes).digest('hex'), items: items.length };
  }
  async rectificationSummary(): Promise<RectificationSummaryRow[]> { return rectificationSummary(this.ws, this.today); }
  async rectificationProgress(args: { township?: string }): Promise<RectificationProgressPoint[]> { return rectificationProgress(this.ws, args); }
  async listTrail(args: { entity?: TrailEntry['entity']; entityId?: string; limit?: number }): Promise<TrailEntry[]> { return listTrail(this.ws, args); }
}

/** Township names become file names: keep them, but never a path separator or a device name. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const s = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim();
  return s || '_';
}
