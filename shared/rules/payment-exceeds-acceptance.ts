// 工程款超付: a project paid more than the work accepted or measured on site is worth.
import Decimal from 'decimal.js';
import { z } from 'zod';
import type { ProjectFigures, SourceRef } from '../contract';
import type { ProjectRecord } from '../ingest/project-row';
import { formatFen, prorateFen } from '../format/money';
import { bi, both, type Bilingual } from '../i18n/messages';
import type { Db } from '../workspace/db';
import { defineRule, type RuleFinding } from './types';
import { cashPaidOut, sourceRef, sourcesOf, voucherGroup, vouchersWhere, type VoucherLine } from './voucher-lines';
import type { LedgerSnapshot } from '../workspace/ledger-snapshot';

const settings = z.object({
  /** Excess at or below this (fen) is rounding, not a finding. */
  toleranceFen: z.number().int().min(0).default(0),
});
type Settings = z.infer<typeof settings>;

/** A project as imported, with the file it came from. */
export interface ProjectRow extends ProjectRecord {
  file: string;
  sheet: string | null;
  sha256: string;
}

export interface ProjectPayments {
  project: ProjectRow;
  paidFen: number;
  payableFen: number;
  /** Lines of the vouchers that paid the project. */
  lines: VoucherLine[];
  vouchers: string[];
  lastDate: string | null;
  /** Each paying voucher: its snapshot index, date and what it paid the project, in voucher order. */
  paid: { voucher: number; date: string; fen: number }[];
}

/** The latest import of each project code wins (a corrected measurement replaces the old). */
export function loadProjects(db: Db): ProjectRow[] {
  return db.prepare<[], ProjectRow>(`
    SELECT p.code, p.township, p.village, p.name, p.contractor, p.contract_fen AS contractFen, p.contract_qty AS contractQty, p.unit,
           p.accepted_qty AS acceptedQty, p.measured_qty AS measuredQty, p.accepted_date AS acceptedDate, f.name AS file, f.sheet, f.sha256, p.line_no AS line
    FROM projects p JOIN source_files f ON f.id = p.file_id
    WHERE p.id = (SELECT MAX(id) FROM projects q WHERE q.code = p.code)
    ORDER BY p.township, p.village, p.code`).all();
}

/** payable = contract × min(accepted, measured if measured) / contracted, half-up to the fen, at most the contract. */
export function payableFen(p: Pick<ProjectRow, 'contractFen' | 'contractQty' | 'acceptedQty' | 'measuredQty'>): number {
  const accepted = new Decimal(p.acceptedQty);
  const basis = p.measuredQty === null ? accepted : Decimal.min(accepted, new Decimal(p.measuredQty));
  return Math.min(p.contractFen, prorateFen(p.contractFen, basis, new Decimal(p.contractQty)));
}

/**
 * What was paid to each project: in every voucher that pays cash out, the debits of the lines
 * booked to the project (or, where only the cash line carries the project, that line's credit).
 * Accruals that pay nothing (debit 在建工程 / credit 应付款) are not payments.
 */
export function projectPayments(db: Db, ledger: LedgerSnapshot): ProjectPayments[] {
  const projects = loadProjects(db);
  const byKey = new Map<string, ProjectRow>();
  for (const p of projects) {
    byKey.set(p.code, p);
    if (!byKey.has(p.name)) byKey.set(p.name, p);
  }
  const project = ledger.attrs.project;
  const vouchers = projects.length ? vouchersWhere(ledger, (i) => (project[ledger.lines.attrs[i] as number] as number) !== 0).map((v) => voucherGroup(ledger, v)) : [];

  const acc = new Map<string, ProjectPayments>();
  for (const p of projects) acc.set(p.code, { project: p, paidFen: 0, payableFen: payableFen(p), lines: [], vouchers: [], lastDate: null, paid: [] });

  for (const { lines } of vouchers) {
    const cashOut = cashPaidOut(lines);
    if (cashOut <= 0) continue;
    const perProject = new Map<string, { debit: number; cashCredit: number }>();
    for (const l of lines) {
      const p = l.project ? byKey.get(l.project) : undefined;
      if (!p) continue;
      const e = perProject.get(p.code) ?? { debit: 0, cashCredit: 0 };
      if (l.isCash) e.cashCredit += l.creditFen - l.debitFen;
      else e.debit += l.debitFen - l.creditFen;
      perProject.set(p.code, e);
    }
    for (const [code, e] of perProject) {
      const a = acc.get(code);
      if (!a) continue;
      // Never more than the voucher paid out: the rest of the debit was accrued (credit 应付款), not paid.
      const paid = Math.min(e.debit > 0 ? e.debit : e.cashCredit, cashOut);
      if (paid <= 0) continue;
      a.paidFen += paid;
      a.lines.push(...lines);
      const first = lines[0];
      if (first) {
        a.vouchers.push(first.voucher);
        const d = lines.reduce((m, l) => (l.date > m ? l.date : m), first.date);
        if (!a.lastDate || d > a.lastDate) a.lastDate = d;
        a.paid.push({ voucher: first.voucherRef, date: d, fen: paid });
      }
    }
  }
  return [...acc.values()];
}

export function figuresOf(p: ProjectPayments): ProjectFigures {
  return {
    code: p.project.code,
    name: p.project.name,
    contractor: p.project.contractor,
    unit: p.project.unit,
    contractFen: p.project.contractFen,
    contractQty: p.project.contractQty,
    acceptedQty: p.project.acceptedQty,
    measuredQty: p.project.measuredQty,
    paidFen: p.paidFen,
    payableFen: p.payableFen,
    excessFen: Math.max(0, p.paidFen - p.payableFen),
    acceptedDate: p.project.acceptedDate,
  };
}

function explain(p: ProjectPayments): Bilingual {
  const { project: pr } = p;
  const figures = {
    name: pr.name, unit: pr.unit, measured: pr.measuredQty ?? '', accepted: pr.acceptedQty, contracted: pr.contractQty,
    due: formatFen(p.payableFen), paid: formatFen(p.paidFen), contract: formatFen(pr.contractFen),
  };
  if (pr.measuredQty !== null && new Decimal(pr.measuredQty).lessThan(pr.acceptedQty)) return bi('rule.payment-exceeds-acceptance.why.measured', figures);
  if (new Decimal(pr.acceptedQty).lessThan(pr.contractQty)) return bi('rule.payment-exceeds-acceptance.why.accepted', figures);
  return bi('rule.payment-exceeds-acceptance.why.contract', figures);
}

export const paymentExceedsAcceptance = defineRule<Settings>({
  id: 'payment-exceeds-acceptance',
  needs: ['projects', 'project'],
  settings,
  defaults: settings.parse({}),
  weight: 3,
  run({ db, ledger }, s) {
    const payments = projectPayments(db, ledger);
    if (payments.length === 0) return { findings: [], notices: [{ rule: 'payment-exceeds-acceptance', file: null, ...both('rule.no-projects') }], notRun: bi('rule.no-projects') };
    const findings: RuleFinding[] = [];
    for (const p of payments) {
      const excess = p.paidFen - p.payableFen;
      if (excess <= s.toleranceFen) continue;
      const reason = bi('rule.payment-exceeds-acceptance.reason', { why: explain(p), excess: formatFen(excess) });
      const projectSource: SourceRef = sourceRef(p.project);
      const uniq = [...new Map(p.lines.map((l) => [l.id, l])).values()];
      findings.push({
        township: p.project.township,
        village: p.project.village,
        date: p.lastDate ?? p.project.acceptedDate ?? '',
        vouchers: [...new Set(p.vouchers)],
        project: p.project.code,
        amountFen: excess,
        reason: reason.zh,
        reasonEn: reason.en,
        lineIds: uniq.map((l) => l.id),
        sources: [projectSource, ...sourcesOf(uniq)],
        key: `project|${p.project.code}`,
        details: figuresOf(p),
      });
    }
    return { findings, notices: [] };
  },
});
