// Every method of the contract, declared once, with where it is answered: by the shell itself
// (native dialogs, the recent list) or by the engine in its worker thread. Zod-free, so the
// sandboxed preload (one small bundled file) can take the list; api.ts derives the argument
// schemas, the result types and AuditApi from this table, and main its IPC handlers.
export const METHODS = {
  workspaceInfo: 'engine',
  /** Whether a workspace file exists and is encrypted (so the app asks for its password), before opening it. */
  inspectWorkspace: 'engine',
  /** Opens (or creates) a workspace; with a password an encrypted one. Checks its integrity (WorkspaceInfo.integrity). */
  openWorkspace: 'engine',
  /** Checks the open workspace's hash chain and source seals; every break with which entry and what changed. */
  verifyWorkspace: 'engine',
  /** A new password for the open (encrypted) workspace. */
  changePassword: 'engine',
  closeWorkspace: 'engine',
  previewFile: 'engine',
  importFile: 'engine',
  /** Writes every row error of the last rejected import of a file (by hash) as CSV. */
  saveImportErrors: 'engine',
  cancelImport: 'engine',
  listFiles: 'engine',
  runRules: 'engine',
  listFindings: 'engine',
  getFinding: 'engine',
  /** Records a decision; refuses a dismissal without a note, and a change to a finding that backs a lead unless acknowledgeLeads. */
  reviewFindings: 'engine',
  /** What a decision would do (count, amount, the leads and rectification items it changes), for the confirmation. */
  reviewImpact: 'engine',
  overview: 'engine',
  /** Villages and townships ranked by risk score, each with what makes it up and what the rules could not check. */
  riskRanking: 'engine',
  listProjects: 'engine',
  listRules: 'engine',
  saveRuleSettings: 'engine',
  resetRuleSettings: 'engine',
  buildLeads: 'engine',
  exportLeads: 'engine',
  /** Opens (creating on first use) a workspace holding the sample district, imported and audited. */
  openSampleDistrict: 'engine',
  /** Imports a roster of village officers (村干部名册), all or nothing. */
  importCadres: 'engine',
  listCadres: 'engine',
  /** Numbers new leads for confirmed findings in no lead yet; returns the new numbers. */
  buildCaseLeads: 'engine',
  listCaseLeads: 'engine',
  /** A lead with its handed-over (frozen) versions. */
  getCaseLead: 'engine',
  updateCaseLead: 'engine',
  mergeCaseLeads: 'engine',
  splitCaseLead: 'engine',
  /** 线索来源 that new leads take (村级财务审计 unless set). */
  getLeadSource: 'engine',
  /** 线索来源 for new leads, e.g. 村级财务审计 第三审计组. */
  setLeadSource: 'engine',
  /** Writes <乡镇>.xlsx/.csv/.pdf per township into dir, records the handoff and freezes the leads. */
  handoffLeads: 'engine',
  listHandoffs: 'engine',
  listRectifications: 'engine',
  /** From a lead (leadNumber), a finding (findingId) or typed in (township, village, description); one item per lead or finding. */
  createRectification: 'engine',
  updateRectification: 'engine',
  addRectificationEvidence: 'engine',
  /** Copies a stored evidence file to path, refusing one whose bytes no longer match its SHA-256. */
  saveRectificationEvidence: 'engine',
  /** 销号: needs evidence or a note. */
  closeRectification: 'engine',
  exportRectifications: 'engine',
  /** Per township and village: items, open, overdue, closed, money at issue and recovered. */
  rectificationSummary: 'engine',
  /** The ledger's state at the end of each day on which it changed, replayed from the trail. */
  rectificationProgress: 'engine',
  listTrail: 'engine',
  // ---- analytics (issue 13) ----
  /** Writes the findings a query shows (its filters and sort, every row) as .xlsx or .csv, in the UI's language. */
  exportFindings: 'engine',
  /** Prints a finding with its voucher lines and the village's lines around them to PDF (the handoff's HTML→PDF path). */
  printFinding: 'engine',
  /** Every township and village the ledgers hold, with their lines and vouchers. */
  listPlaces: 'engine',
  /** A page of the ledger: a village's lines (or the district's) in date order, filtered, with totals. */
  queryLedger: 'engine',
  /** The ledger around a finding, a voucher (by one of its lines) or a project: the whole vouchers and the lines before and after. */
  ledgerContext: 'engine',
  /** A pivot of the ledger or of the findings by one or two dimensions, with totals. */
  summarize: 'engine',
  exportSummary: 'engine',
  /** Draws a sample of vouchers (random or monetary-unit), recorded in the trail with its seed and parameters. */
  drawSample: 'engine',
  /** Draws more for a sample: the same seed and parameters, the vouchers drawn before kept. */
  extendSample: 'engine',
  listSamples: 'engine',
  exportSample: 'engine',
  // ---- work packages, merge, roll-up, disposal (issue 14) ----
  /** The villages a work package can hold (every village with sources here), with their group and what was done. */
  packageScope: 'engine',
  /** Writes a work package: the chosen villages' source files (their bytes), reviews, leads and versions, handoffs, rectification items with evidence, trail; encrypted with a password. */
  exportPackage: 'engine',
  /** Merges a work package into the open workspace, all or nothing: files it lacks, reviews by finding (conflicts kept to resolve), leads (numbers kept unique), items, evidence, trail. */
  importPackage: 'engine',
  /** Merge conflicts (open ones unless all is asked for). */
  listConflicts: 'engine',
  /** A person decides a conflict: a review conflict by a decision (recorded as a review), a lead or item conflict by keeping this workspace's record. */
  resolveConflict: 'engine',
  /** Per group, township and village: findings, leads handed over, money at issue and recovered; the district's totals. */
  rollup: 'engine',
  /** The roll-up as .xlsx. */
  exportRollup: 'engine',
  /** Ends the audit on this laptop: after a final package (checked by its recorded SHA-256), destroys the workspace, its evidence and optionally the original files. */
  disposeWorkspace: 'engine',
  /** Native open dialog: ledger, project, roster or evidence files; [] when cancelled. */
  chooseFiles: 'shell',
  /** Native folder dialog, for exports; null when cancelled. */
  chooseDirectory: 'shell',
  /** Native dialog for a workspace file to open or create; null when cancelled. */
  chooseWorkspace: 'shell',
  /** Native save dialog for one export file (e.g. 整改台账.xlsx), filtered by its extension; null when cancelled. */
  chooseSaveFile: 'shell',
  /** Workspaces opened before, most recent first. */
  recentWorkspaces: 'shell',
  /** The UI's language: the desktop menu and the native dialogs follow it. */
  setLanguage: 'shell',
} as const satisfies Record<string, 'shell' | 'engine'>;

export type AuditMethod = keyof typeof METHODS;
export type ShellMethod = { [M in AuditMethod]: (typeof METHODS)[M] extends 'shell' ? M : never }[AuditMethod];
export type EngineMethod = Exclude<AuditMethod, ShellMethod>;

export const AUDIT_METHODS = Object.keys(METHODS) as AuditMethod[];
export const SHELL_METHODS = AUDIT_METHODS.filter((m): m is ShellMethod => METHODS[m] === 'shell');

export const isAuditMethod = (m: string): m is AuditMethod => Object.hasOwn(METHODS, m);
export const isShellMethod = (m: string): m is ShellMethod => isAuditMethod(m) && METHODS[m] === 'shell';
export const isEngineMethod = (m: string): m is EngineMethod => isAuditMethod(m) && METHODS[m] === 'engine';

/** Methods that answer with the workspace they opened (its path is remembered: recent list, a restarted worker). */
export const opensWorkspace = (m: string): m is 'openWorkspace' | 'openSampleDistrict' => m === 'openWorkspace' || m === 'openSampleDistrict';

/** IPC channel of a method; engine events come on EVENT_CHANNEL. */
export const channelOf = (method: string): string => `audit:${method}`;
export const EVENT_CHANNEL = 'audit:event';
