// What each contract method answers: one map, checked against the method table (api.ts).
import type {
  Cadre, CadreImportResult, CaseLead, FilePreview, FindingDetail, FindingPage, HandoffRecord, ImportResult, Lead, LeadExport, LeadVersion,
  Overview, ProjectFigures, RectificationItem, RiskRanking, RectificationProgressPoint, RectificationSummaryRow, RuleInfo, RunSummary, SourceFileInfo,
  TrailEntry, WorkspaceInfo, WorkspaceFileInfo, VerifyReport, ReviewImpact, PackageScopeVillage, PackageExportResult, PackageImportResult, MergeConflict,
  Rollup, DisposalResult,
} from './types';
import type { ExportedFile, LedgerContext, LedgerPage, LedgerPlace, PivotTable, Sample } from './analytics';

export interface AuditResults {
  workspaceInfo: WorkspaceInfo | null;
  inspectWorkspace: WorkspaceFileInfo;
  openWorkspace: WorkspaceInfo;
  verifyWorkspace: VerifyReport;
  changePassword: void;
  closeWorkspace: void;
  previewFile: FilePreview;
  importFile: ImportResult;
  /** Where the list went, and how many errors it holds. */
  saveImportErrors: { path: string; errors: number };
  cancelImport: void;
  listFiles: SourceFileInfo[];
  runRules: RunSummary;
  listFindings: FindingPage;
  getFinding: FindingDetail;
  /** How many findings the decision was recorded for. */
  reviewFindings: number;
  reviewImpact: ReviewImpact;
  overview: Overview;
  riskRanking: RiskRanking;
  listProjects: ProjectFigures[];
  listRules: RuleInfo[];
  saveRuleSettings: RuleInfo;
  resetRuleSettings: RuleInfo;
  buildLeads: Lead[];
  exportLeads: LeadExport;
  openSampleDistrict: WorkspaceInfo;
  importCadres: CadreImportResult;
  listCadres: Cadre[];
  buildCaseLeads: string[];
  listCaseLeads: CaseLead[];
  getCaseLead: { lead: CaseLead; versions: LeadVersion[] };
  updateCaseLead: CaseLead;
  mergeCaseLeads: CaseLead;
  splitCaseLead: CaseLead;
  getLeadSource: string;
  setLeadSource: void;
  handoffLeads: HandoffRecord[];
  listHandoffs: HandoffRecord[];
  listRectifications: RectificationItem[];
  createRectification: RectificationItem;
  updateRectification: RectificationItem;
  addRectificationEvidence: RectificationItem;
  saveRectificationEvidence: { path: string; name: string; sha256: string };
  closeRectification: RectificationItem;
  exportRectifications: { path: string; sha256: string; items: number };
  rectificationSummary: RectificationSummaryRow[];
  rectificationProgress: RectificationProgressPoint[];
  listTrail: TrailEntry[];
  exportFindings: ExportedFile;
  printFinding: ExportedFile;
  listPlaces: LedgerPlace[];
  queryLedger: LedgerPage;
  ledgerContext: LedgerContext;
  summarize: PivotTable;
  exportSummary: ExportedFile;
  drawSample: Sample;
  extendSample: Sample;
  listSamples: Sample[];
  exportSample: ExportedFile;
  setLanguage: void;
  packageScope: PackageScopeVillage[];
  exportPackage: PackageExportResult;
  importPackage: PackageImportResult;
  listConflicts: MergeConflict[];
  resolveConflict: MergeConflict;
  rollup: Rollup;
  exportRollup: { path: string; sha256: string; rows: number };
  disposeWorkspace: DisposalResult;
  chooseFiles: string[];
  chooseDirectory: string | null;
  chooseWorkspace: string | null;
  chooseSaveFile: string | null;
  recentWorkspaces: string[];
}
