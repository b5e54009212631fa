// What the analytics cross the boundary with (issue 13): the ledger as a person browses it (a
// village's lines in date order, filtered, around a finding, a voucher or a project), summaries
// (pivots) of the ledger and of the findings, samples of vouchers for pulling paper, and the
// files they are exported to. Plain data, money as integer fen.
import type { FindingQuery, LedgerLineView, SourceRef } from './types';

/** A ledger line as the ledger screen shows it: where it is, its place and who handled it. */
export interface LedgerRow extends LedgerLineView {
  township: string;
  village: string;
  handler: string;
  approver: string;
}

/** Which lines of the ledger: a place, words, an account, a counterparty, a person, dates, amounts. */
export interface LedgerFilter {
  township?: string;
  village?: string;
  /** Words in the summary, account, counterparty, project, voucher number, invoice or a person's name. */
  text?: string;
  /** An account code prefix (541 takes 54101) or words of its name. */
  account?: string;
  counterparty?: string;
  /** 经办人, 审批人, 制单人, 审核人 or 记账人. */
  person?: string;
  dateFrom?: string;
  dateTo?: string;
  /** On the larger of the line's debit and credit. */
  amountMinFen?: number;
  amountMaxFen?: number;
}

export interface LedgerQuery extends LedgerFilter {
  offset?: number;
  limit?: number;
  /** Start the page so that this line shows, `before` lines below the top (offset is then ignored). */
  aroundLineId?: number;
  before?: number;
}

/** One page of a ledger view: a place's lines in date order (then source order), or the district's, place by place. */
export interface LedgerPage {
  total: number;
  debitFen: number;
  creditFen: number;
  /** Where the page starts in the view. */
  offset: number;
  rows: LedgerRow[];
}

/** A place of the ledger, for the filters: every township and village the ledgers hold. */
export interface LedgerPlace {
  township: string;
  village: string;
  lines: number;
  vouchers: number;
}

/** Where a context is taken from: a finding, a line (its voucher), or a project (its payments). */
export interface LedgerAnchor {
  findingId?: string;
  lineId?: number;
  project?: string;
}

/** The ledger around an anchor: the whole vouchers it is about, and the village's lines before and after. */
export interface LedgerContext {
  township: string;
  village: string;
  /** The lines the anchor is about (a finding's, a voucher's, a project's). */
  anchorLineIds: number[];
  vouchers: { voucher: string; date: string; lines: LedgerRow[] }[];
  /** The village's lines from `before` lines above the first anchor line to `after` below the last. */
  lines: LedgerRow[];
  /** Where lines[0] is in the village's view (for paging on with queryLedger). */
  offset: number;
  /** Lines the village's view holds. */
  villageLines: number;
  /** The window was cut short (an anchor spread over years, a project's payments): page on in the ledger. */
  truncated: boolean;
}

export const PIVOT_DIMENSIONS = ['township', 'village', 'account', 'counterparty', 'handler', 'approver', 'month', 'year', 'rule'] as const;
export type PivotDimension = (typeof PIVOT_DIMENSIONS)[number];
/** Ledger amounts: debits, credits, or debits less credits. Findings: always the amount at issue. */
export type PivotMeasure = 'debit' | 'credit' | 'net';

export interface PivotQuery {
  source: 'ledger' | 'findings';
  rows: PivotDimension;
  columns?: PivotDimension;
  measure?: PivotMeasure;
  /** The ledger's lines to summarise (source 'ledger'). */
  ledger?: LedgerFilter;
  /** The findings to summarise (source 'findings'), as the findings screen filters them. */
  findings?: Omit<FindingQuery, 'sort' | 'offset' | 'limit'>;
}

/** Lines or findings, and their amount. */
export interface PivotValue {
  count: number;
  amountFen: number;
}

export interface PivotLine {
  /** Stable key of the value ('石板冲乡/赵湾村', '541', '2018-03', a rule id); '' for lines without one. */
  key: string;
  /** What a person reads; a rule's id for the rule dimension (its title is the UI's to choose). */
  label: string;
  cells: PivotValue[];
  total: PivotValue;
}

export interface PivotTable {
  source: 'ledger' | 'findings';
  rows: PivotDimension;
  columns: PivotDimension | null;
  measure: PivotMeasure;
  /** The column values (empty without a column dimension); each line's cells follow them. */
  columnKeys: { key: string; label: string }[];
  lines: PivotLine[];
  /** Totals of every column and the grand total: exactly the sums of the lines (nothing left out). */
  totals: { cells: PivotValue[]; total: PivotValue };
  /** Values beyond the first few thousand, folded into one last line. */
  folded: number;
}

export type SampleMethod = 'random' | 'mus';

/** Which vouchers may be drawn. */
export interface SamplePopulation {
  township?: string;
  village?: string;
  dateFrom?: string;
  dateTo?: string;
  /** On the voucher's amount (its debits). */
  minAmountFen?: number;
  /** Vouchers with a line on this account (code prefix or words of its name). */
  account?: string;
}

/** A voucher drawn, with what a person needs to pull the paper. */
export interface SamplePick {
  /** 1, 2, 3 ... in the order drawn. */
  seq: number;
  /** The voucher's identity across re-imports (township|village|entity|year|number[|month]). */
  key: string;
  township: string;
  village: string;
  entity: string;
  /** As a person finds it: 记-15, 3月 记-15 where numbers restart monthly. */
  voucher: string;
  date: string;
  /** The voucher's debits. */
  amountFen: number;
  lines: number;
  /** Its first line: file and line, and the line's id (for the ledger around it). */
  source: SourceRef | null;
  lineId: number;
  /** Monetary-unit sampling: the units (fen, counted through the population) that fell on it. */
  units?: number[];
}

/** A sample as recorded in the trail: enough to draw it again from its seed and parameters. */
export interface Sample {
  /** S1, S2 ... */
  id: string;
  method: SampleMethod;
  seed: number;
  /** Vouchers asked for (random) or monetary units drawn (MUS). */
  size: number;
  population: SamplePopulation;
  /** The population in words, in both languages (not stored: made from `population`). */
  populationText: { zh: string; en: string };
  /** What the population was when last drawn from: vouchers, their debits, and a fingerprint of both. */
  frame: { vouchers: number; amountFen: number; fingerprint: string };
  /** MUS: the population's amount per unit drawn (the average sampling interval). */
  intervalFen: number | null;
  picks: SamplePick[];
  createdAt: string;
  createdBy: string;
  /** Every draw and extension, oldest first. */
  history: { at: string; actor: string; action: 'draw' | 'extend'; size: number; picks: number }[];
}

/** A file written by an export: where, how many data rows, its SHA-256. */
export interface ExportedFile {
  path: string;
  rows: number;
  sha256: string;
}
