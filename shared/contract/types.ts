// Every shape that crosses the boundary between the UI and the engine.
// Plain data only (structured-clone safe): no classes, no Dates, money as fen plus a decimal string.

export type FileKind = 'ledger' | 'projects';
export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
/** How a file is laid out: delimited text, an .xlsx workbook, a BIFF8 .xls workbook, or an HTML table saved as .xls. */
export type FileFormat = 'csv' | 'xlsx' | 'xls' | 'html';
export type Lang = 'zh' | 'en';

/** Fields the ingest layer recognises by header. */
export type LedgerField =
  | 'township' | 'village' | 'date' | 'voucherWord' | 'voucher' | 'summary' | 'accountCode' | 'accountName'
  | 'debit' | 'credit' | 'amount' | 'direction' | 'attachments' | 'receiptType' | 'counterparty' | 'project' | 'handler' | 'approver'
  | 'preparer' | 'checker' | 'bookkeeper' | 'invoice' | 'entity';
export type ProjectField =
  | 'projectCode' | 'township' | 'village' | 'projectName' | 'contractor' | 'contractAmount' | 'contractQty'
  | 'unit' | 'acceptedQty' | 'measuredQty' | 'acceptedDate';
export type CadreField = 'name' | 'post' | 'termStart' | 'termEnd';
export type FieldId = LedgerField | ProjectField | CadreField;
/** What a table can be: the contract's file kinds, plus the officers' roster. */
export type TableKind = FileKind | 'cadres';

export interface SourceRef {
  file: string;
  sha256: string;
  /** Text files: the physical line where the row starts; workbooks: the row number as Excel shows it; HTML: the table row. 1-based. */
  line: number;
  /** The sheet of a workbook (.xlsx, .xls); absent for text files and HTML tables. */
  sheet?: string;
}

/** One problem in one cell of one row: enough to find it in the file and fix it. */
export interface RowError {
  file: string;
  /** The sheet of a workbook, when the file has several. */
  sheet?: string;
  line: number;
  column: number;
  columnName: string;
  field: FieldId | null;
  code: string;
  expected: string;
  found: string;
  /** Chinese first, as every user-facing text. */
  message: string;
  messageEn: string;
}

export interface ColumnMatch {
  field: FieldId;
  column: number;
  header: string;
}

export interface ImportOptions {
  path: string;
  kind: FileKind;
  /** 'auto' (default) detects UTF-8 (with or without BOM), UTF-16 (with BOM) or GB18030. */
  encoding?: Encoding | 'auto';
  /** Workbooks only: the one sheet to read; default every sheet that has the header. */
  sheet?: string;
  /** For files without township / village columns. */
  township?: string;
  village?: string;
  /** Field (id, Chinese label or alias) -> column header in the file. */
  map?: Record<string, string>;
}

export interface FilePreview {
  file: string;
  path: string;
  kind: FileKind;
  format: FileFormat;
  encoding: Encoding | null;
  /** The sheet previewed (the first with the header). */
  sheet: string | null;
  /** Every sheet of a workbook, in workbook order. */
  sheets: string[];
  /** The header's last row; a header may span several rows (merged cells), from headerFirstLine. */
  headerLine: number | null;
  headerFirstLine: number | null;
  headers: string[];
  matches: ColumnMatch[];
  missing: FieldId[];
  /**
   * First rows after the header as text, for display, each with what the import will make of it:
   * a data line, a subtotal/balance row (skipped), a blank row, a row with errors, or unknown
   * while columns still need mapping.
   */
  rows: { line: number; cells: string[]; outcome: 'data' | 'subtotal' | 'blank' | 'error' | 'unknown'; errors: RowError[] }[];
  alreadyImported: boolean;
  size: number;
  /** The file's header fits another kind than the one asked for (a roster or project file picked as a ledger). */
  looksLike: TableKind | null;
  /** Every field of the kind, in order, for the mapping step (a recognised column can be re-mapped). */
  fields: { id: FieldId; required: boolean }[];
  /** Why the file cannot be read at all (corrupt, encrypted, not a regular file), in both languages; null when it can. */
  problem: { message: string; messageEn: string } | null;
}

export type ImportStatus = 'imported' | 'duplicate' | 'rejected' | 'needs-mapping' | 'cancelled';

/** One sheet of a workbook and what the import did with it. */
export interface SheetOutcome {
  name: string;
  /** imported; already in the workspace (same bytes, same sheet); or skipped for having no header (a cover or notes sheet). */
  status: 'imported' | 'duplicate' | 'no-header';
  rows: number;
  skipped: number;
}

export interface ImportResult {
  status: ImportStatus;
  file: string;
  path: string;
  kind: FileKind;
  sha256: string;
  format: FileFormat | null;
  encoding: Encoding | null;
  /** Workbooks: every sheet and its outcome, in the order read; [] for text files. */
  sheets: SheetOutcome[];
  /** Continuation lines whose date and voucher number were blank and taken from the voucher's first line. */
  filledDown: number;
  /** The file's header fits another kind than the one asked for. */
  looksLike: TableKind | null;
  fileId: number | null;
  linesRead: number;
  rowsImported: number;
  /** Subtotal and balance rows (合计, 期初余额, ...): recognised and not imported. */
  rowsSkipped: number;
  blankRows: number;
  errors: RowError[];
  /** Total errors; `errors` holds at most a capped number of them. */
  errorCount: number;
  missing: FieldId[];
  headers: string[];
  message: string;
  messageEn: string;
  durationMs: number;
  /** Where the file was parsed: two worker threads (big CSV ledgers, halves), one beside the writing thread, or inline. */
  parser: 'workers' | 'worker' | 'inline';
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
  lines: number;
}

export interface SourceFileInfo {
  id: number;
  name: string;
  kind: FileKind;
  sha256: string;
  encoding: string | null;
  size: number;
  lineCount: number;
  rowsImported: number;
  rowsSkipped: number;
  hasAttachments: boolean;
  importedAt: string;
}

export type FindingStatus = 'pending' | 'confirmed' | 'dismissed';

export interface Finding {
  /** Stable fingerprint: the same problem keeps its id across re-runs and re-imports. */
  id: string;
  rule: string;
  township: string;
  village: string;
  date: string;
  vouchers: string[];
  project: string | null;
  amount: string;
  amountFen: number;
  reason: string;
  reasonEn: string;
  sources: SourceRef[];
  status: FindingStatus;
  note: string | null;
  reviewer: string | null;
  decidedAt: string | null;
}

export interface ProjectFigures {
  code: string;
  name: string;
  contractor: string;
  unit: string;
  contractFen: number;
  contractQty: string;
  acceptedQty: string;
  measuredQty: string | null;
  paidFen: number;
  payableFen: number;
  excessFen: number;
  acceptedDate: string | null;
}

export interface LedgerLineView {
  id: number;
  file: string;
  sheet?: string;
  line: number;
  /** The accounting entity when the file names one (赵湾村经济合作社), else ''. */
  entity: string;
  date: string;
  voucher: string;
  summary: string;
  accountCode: string;
  accountName: string;
  debitFen: number;
  creditFen: number;
  attachments: number | null;
  counterparty: string;
  project: string;
}

export interface ReviewEvent {
  decision: FindingStatus;
  note: string | null;
  reviewer: string;
  at: string;
  /** A decision made on another laptop, merged from its work package: that group (线索来源). */
  group?: string;
}

/** A Benford test on a village's payments: first digits observed against Benford's law. */
export interface BenfordFigures {
  payments: number;
  /** Mean absolute deviation of the nine proportions. */
  mad: number;
  conformity: 'close' | 'acceptable' | 'marginal' | 'nonconformity';
  digits: { digit: number; count: number; observed: number; expected: number; z: number; standsOut: boolean }[];
}

export interface FindingDetail extends Finding {
  lines: LedgerLineView[];
  projectFigures: ProjectFigures | null;
  /** For a Benford finding: the distribution, for the chart. */
  benford: BenfordFigures | null;
  history: ReviewEvent[];
  /** The case lead it is part of, once leads were built from it. */
  leadNumber: string | null;
  /** The rectification item made from it or from its lead. */
  rectificationId: number | null;
}

export interface FindingQuery {
  rule?: string[];
  township?: string[];
  village?: string[];
  status?: FindingStatus[];
  dateFrom?: string;
  dateTo?: string;
  month?: string;
  amountMinFen?: number;
  amountMaxFen?: number;
  text?: string;
  sort?: { by: 'date' | 'amount' | 'rule' | 'township' | 'village' | 'status'; dir: 'asc' | 'desc' };
  offset?: number;
  limit?: number;
}

export interface FindingPage {
  total: number;
  totalAmountFen: number;
  rows: Finding[];
}

export interface RuleInfo {
  id: string;
  title: string;
  titleEn: string;
  policy: string;
  policyEn: string;
  /** The settings in force: `enabled` and `weight` (every rule's), then the rule's own. */
  settings: Record<string, unknown>;
  defaults: Record<string, unknown>;
  /** Data it cannot check without, and data it reads where present: ledger fields, or 'projects' / 'cadres'. */
  needs: string[];
  uses: string[];
}

export interface RuleNotice {
  rule: string;
  file: string | null;
  message: string;
  messageEn: string;
}

export interface RuleSummary {
  rule: string;
  title: string;
  titleEn: string;
  count: number;
  amountFen: number;
  amount: string;
  /** Switched off in the settings: it did not run. */
  enabled: boolean;
  /** Time in the rule itself (reading the ledger in memory and building its findings), ms. */
  ms: number;
}

export interface RunSummary {
  rules: RuleSummary[];
  notices: RuleNotice[];
  total: number;
  totalAmountFen: number;
  /** The whole run: loading the ledger (when not in memory yet), every rule, storing the findings. */
  durationMs: number;
  /** The rules alone (the sum of their `ms`). */
  rulesMs: number;
}

/** Whether a rule could check a village in the last run: all of it, part (a column some files lack), nothing (no data), or it was switched off. */
export type CoverageState = 'ran' | 'partial' | 'not-run' | 'off';

/** A rule that could not (fully) check a village or township, and why. */
export interface RuleGap {
  rule: string;
  state: Exclude<CoverageState, 'ran'>;
  why: string;
  whyEn: string;
  /** A township's gap: in how many of its villages. */
  villages?: number;
}

/** What one rule adds to a score: weight × (log2(1 + findings) + min(100, 100 × amount / spending)). */
export interface RiskPart {
  rule: string;
  weight: number;
  /** Findings pending or confirmed (dismissed ones count for nothing). */
  findings: number;
  confirmed: number;
  dismissed: number;
  amountFen: number;
  /** amount at issue / money paid out, in percent. */
  sharePercent: number;
  countPoints: number;
  amountPoints: number;
  points: number;
}

/** A village's (or, with village null, a township's) risk score and what makes it up. */
export interface RiskScore {
  rank: number;
  township: string;
  village: string | null;
  score: number;
  /** Money paid out in the books (vouchers crediting cash or bank), fen. */
  spendingFen: number;
  payments: number;
  villages: number;
  findings: number;
  dismissed: number;
  amountFen: number;
  /** The rules with findings here, most points first. */
  parts: RiskPart[];
  /** Rules that checked all of it, of those registered. */
  rulesRan: number;
  rulesTotal: number;
  /** The rules that could not check it (fully), and why: a score of 0 with gaps is not "clean". */
  gaps: RuleGap[];
}

export interface RiskRanking {
  villages: RiskScore[];
  townships: RiskScore[];
}

export interface Overview {
  townships: number;
  villages: number;
  lines: number;
  files: number;
  findings: number;
  amountFen: number;
  reviewed: number;
  confirmed: number;
  dismissed: number;
  byRule: { rule: string; count: number; amountFen: number }[];
  byTownship: { township: string; count: number; amountFen: number }[];
  byMonth: { month: string; count: number; amountFen: number }[];
  villagesRanked: { township: string; village: string; count: number; amountFen: number }[];
}

export interface WorkspaceInfo {
  path: string;
  files: number;
  lines: number;
  findings: number;
  schemaVersion: number;
  /** Opened with a password (SQLCipher); its evidence files are encrypted too. */
  encrypted: boolean;
  /** The check made on opening: the hash chain and the source files' seals. */
  integrity: VerifyReport;
}

/** A workspace file before it is opened: there or not, encrypted (asks for a password) or not. */
export interface WorkspaceFileInfo {
  path: string;
  exists: boolean;
  encrypted: boolean;
}

/** One thing verify found wrong: which entry, and what changed. */
export interface VerifyBreak {
  /** link: the chain's hashes do not follow; changed: a row differs from what was written; deleted; added: a row no entry records; source: a source file's content differs from its seal; unsealed; protection: a trigger removed; evidence: an evidence file changed or missing. */
  kind: 'link' | 'changed' | 'deleted' | 'added' | 'source' | 'unsealed' | 'protection' | 'evidence' | 'review-state';
  /** The chain entry's number, when there is one. */
  seq: number | null;
  table: string;
  /** The row (rowid), or the source file's id. */
  ref: number | null;
  /** What the entry is, for a person: 留痕 #12（2026-11-25 张审计 review）. */
  what: Texts;
  /** What changed, field by field (label, as written, as found now). */
  changes: { field: string; label: Texts; was: string; now: string }[];
  message: Texts;
}

export interface VerifyReport {
  ok: boolean;
  checkedAt: string;
  /** Chain entries checked, and the head hash (the last entry's). */
  entries: number;
  head: string;
  sources: number;
  breaks: VerifyBreak[];
  /** Breaks beyond those listed (the list is capped). */
  more: number;
}

/** What a review decision would do, for the reviewer to confirm: how many, how much, which leads and rectification items it changes. */
export interface ReviewImpact {
  count: number;
  amountFen: number;
  leads: { number: string; version: number; handedOver: boolean; nextVersion: number; toUnit: string | null; handedAt: string | null; findings: number }[];
  rectifications: { id: number; closed: boolean }[];
}

export interface Lead {
  number: string;
  township: string;
  village: string;
  rule: string;
  problem: string;
  amountFen: number;
  amount: string;
  vouchers: string[];
  dates: string[];
  sources: SourceRef[];
  findingIds: string[];
  summary: string;
}

export interface LeadExport {
  dir: string;
  files: { township: string; path: string; leads: number; amountFen: number }[];
}

// ---- case leads, handoffs, rectification, trail (issue 5) ----

// Stored values, as the commissions write them (and migration 002's CHECK); shown through the
// catalogue (ui.lead.disposition.*, ui.rect.progress.*).
/* eslint-disable no-restricted-syntax -- stored values, not text shown as is */
export const DISPOSITIONS = ['谈话函询', '初步核实', '暂存待查', '予以了结'] as const;
export const RECT_PROGRESS = ['未启动', '整改中', '已完成'] as const;
/* eslint-enable no-restricted-syntax */
export type Disposition = (typeof DISPOSITIONS)[number];
/** What a new lead proposes: 初步核实. */
export const DEFAULT_DISPOSITION: Disposition = DISPOSITIONS[1];

export interface CadreImportResult {
  status: 'imported' | 'duplicate' | 'rejected' | 'needs-mapping';
  file: string;
  sha256: string;
  rowsImported: number;
  errors: RowError[];
  errorCount: number;
  message: string;
  messageEn: string;
}

export interface Cadre {
  township: string;
  village: string;
  name: string;
  post: string;
  termStart: string;
  termEnd: string | null;
  file: string;
  line: number;
}

/** A person a lead names: from the roster (in office on a voucher's date) or the ledger (经办人 / 审批人) or added by hand. */
export interface LeadPerson {
  name: string;
  post: string;
  basis: 'roster' | 'ledger' | 'manual';
}

export interface LeadEvidence {
  voucher: string;
  date: string;
  file: string;
  line: number;
  sha256: string;
}

export interface CaseLead {
  number: string;
  township: string;
  village: string;
  /** The year of the earliest voucher behind the lead: the year in its number. */
  year: number;
  rule: string;
  status: 'open' | 'merged';
  mergedInto: string | null;
  version: number;
  /** Handed over and not edited since. */
  frozen: boolean;
  persons: LeadPerson[];
  /** 被反映人姓名, joined. */
  personNames: string;
  /** 单位和职务, joined. */
  unitAndPosts: string;
  source: string;
  receivedAt: string;
  problem: string;
  amountFen: number;
  amount: string;
  evidence: LeadEvidence[];
  disposition: Disposition;
  remarks: string;
  findingIds: string[];
  /** A lead handed over before and changed since (version > 1): what this version corrects, in both languages. */
  corrections: Texts[];
  /** Numbers merged into this lead (each explained: 河湾乡-2017-003 已并入 河湾乡-2017-002). */
  mergedFrom: string[];
  /** None of its findings is confirmed any more (all dismissed or reopened): the lead is withdrawn, amount 0. */
  withdrawn: boolean;
  /** Merged from a work package whose number was taken here: the number it had there, and the group. */
  renumberedFrom: { number: string; group: string; at: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** A text in both languages, made by the engine from the catalogue. */
export interface Texts {
  zh: string;
  en: string;
}

/** A lead as it was handed over: frozen, readable for ever. */
export interface LeadVersion {
  version: number;
  frozenAt: string;
  handoffId: number | null;
  lead: CaseLead;
}

export interface LeadPatch {
  persons?: LeadPerson[];
  problem?: string;
  disposition?: Disposition;
  remarks?: string;
  source?: string;
  receivedAt?: string;
}

export interface HandoffFile {
  kind: 'xlsx' | 'csv' | 'pdf';
  path: string;
  sha256: string;
  size: number;
}

export interface HandoffRecord {
  id: number;
  /** The folder the package went to (its name carries the handoff number and date). */
  dir: string;
  /** Numbers freed by merges that this handoff explains (河湾乡-2017-003 已并入 河湾乡-2017-002). */
  mergeNotes: string[];
  township: string;
  fromUnit: string;
  toUnit: string;
  handedBy: string;
  handedAt: string;
  leadCount: number;
  amountFen: number;
  leads: { number: string; version: number }[];
  files: HandoffFile[];
}

export type RectProgress = (typeof RECT_PROGRESS)[number];
export const [NOT_STARTED, IN_PROGRESS, DONE] = RECT_PROGRESS;

export interface RectificationItem {
  id: number;
  leadNumber: string | null;
  findingId: string | null;
  township: string;
  village: string;
  description: string;
  unit: string;
  responsible: string;
  measures: string;
  dueDate: string | null;
  progress: RectProgress;
  amountAtIssueFen: number;
  recoveredFen: number;
  closed: boolean;
  closedBy: string | null;
  closedAt: string | null;
  closeNote: string | null;
  overdue: boolean;
  evidence: { id: number; name: string; sha256: string; size: number; addedBy: string; addedAt: string }[];
  /** Changes to the findings it rests on after it was closed (销号): its basis changed. */
  basisChanged: { at: string; actor: string; findingId: string; decision: FindingStatus; note: string | null }[];
  createdAt: string;
  updatedAt: string;
}

/** Money recovered against money at issue, per township and village, plus open/overdue/closed counts. */
export interface RectificationSummaryRow {
  township: string;
  village: string;
  items: number;
  open: number;
  overdue: number;
  closed: number;
  amountAtIssueFen: number;
  recoveredFen: number;
}

/** The rectification ledger at the end of a day on which something changed (for the progress chart). */
export interface RectificationProgressPoint {
  date: string;
  items: number;
  notStarted: number;
  inProgress: number;
  /** Reported done, not yet closed (销号). */
  done: number;
  closed: number;
  amountAtIssueFen: number;
  recoveredFen: number;
}

export interface TrailEntry {
  id: number;
  at: string;
  actor: string;
  entity: TrailEntity;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  /** What a person reads: the action, and each field with its catalogue label and its values formatted (涉及金额：¥27,620.00). */
  text: { action: Texts; changes: { label: Texts; before: Texts | null; after: Texts | null }[] };
}

// ---- work packages, merge, district roll-up, disposal (issue 14) ----

/** A work package file's extension. */
export const PACKAGE_EXTENSION = 'vapkg';

export const TRAIL_ENTITIES = ['finding', 'lead', 'handoff', 'rectification', 'cadres', 'sample', 'package', 'workspace'] as const;
export type TrailEntity = (typeof TRAIL_ENTITIES)[number];

export interface VillageRef {
  township: string;
  village: string;
}

/** A village a package can hold, with what the workspace has of it. */
export interface PackageScopeVillage extends VillageRef {
  group: string;
  files: number;
  findings: number;
  reviewed: number;
  leads: number;
}

export interface PackageCounts {
  sources: number;
  cadreFiles: number;
  reviews: number;
  leads: number;
  handoffs: number;
  rectifications: number;
  evidence: number;
  trail: number;
}

export interface PackageExportResult {
  path: string;
  /** The file's SHA-256 (as recorded for disposal). */
  sha256: string;
  /** The plaintext's SHA-256: the package's content hash, in its authenticated header. */
  contentSha256: string;
  size: number;
  final: boolean;
  group: string;
  villages: VillageRef[];
  counts: PackageCounts;
}

export type ConflictKind = 'review' | 'lead' | 'lead-finding' | 'rectification';

/** One side of a conflict: a decision (review) or a summary of the record (lead, item). */
export interface ConflictSide {
  group: string;
  decision: FindingStatus | null;
  note: string | null;
  actor: string;
  at: string;
  summary: Texts;
}

/** What a merge would not decide: shown until a person resolves it. */
export interface MergeConflict {
  id: number;
  kind: ConflictKind;
  /** Finding id, lead number or rectification item id. */
  ref: string;
  township: string;
  village: string;
  what: Texts;
  local: ConflictSide;
  incoming: ConflictSide;
  packageName: string;
  openedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

export interface PackageImportResult {
  path: string;
  sha256: string;
  group: string;
  exportedBy: string;
  exportedAt: string;
  final: boolean;
  villages: VillageRef[];
  sources: { added: number; duplicate: number };
  cadreFiles: { added: number; duplicate: number };
  reviews: { added: number; applied: number; conflicts: number };
  leads: { added: number; updated: number; same: number; renumbered: { from: string; to: string }[] };
  handoffs: { added: number };
  rectifications: { added: number; updated: number };
  evidence: { added: number };
  trail: { added: number };
  conflicts: MergeConflict[];
  message: Texts;
}

/** One line of the roll-up: a village, a township's or group's subtotal (village ''), or the district (both ''). */
export interface RollupRow {
  group: string;
  township: string;
  village: string;
  villages: number;
  /** Ledger lines the workspace holds for the place (0: its books were never imported, so no finding does not mean clean). */
  ledgerLines: number;
  findings: number;
  confirmed: number;
  confirmedFen: number;
  leads: number;
  handedOver: number;
  atIssueFen: number;
  recoveredFen: number;
  rectifications: number;
  closed: number;
  openConflicts: number;
}

export interface Rollup {
  /** Villages, each group's townships and each group, in order: group, township, village. */
  rows: RollupRow[];
  totals: RollupRow;
  groups: string[];
}

export interface DisposalResult {
  packagePath: string;
  packageSha256: string;
  destroyed: { path: string; size: number }[];
  /** The record of what was destroyed, written beside the package. */
  certificate: string;
}

export type PackagePhase = 'collect' | 'encrypt' | 'write' | 'read' | 'decrypt' | 'sources' | 'rules' | 'merge';
