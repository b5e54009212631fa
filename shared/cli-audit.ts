// `audit`: import ledgers and projects (all or nothing), run every rule, write findings.json
// and one lead file per township.
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Encoding, Finding, ImportOptions, ImportResult, RiskRanking, RuleInfo, RunSummary } from './contract';
import { line, padDisplay } from './cli-text';
import { formatFen } from './format/money';
import { EngineError } from './i18n/errors';
import { bi, t, zh } from './i18n/messages';
import { formatRowError } from './ingest/row-errors';
import { buildLeads } from './leads/build';
import { writeLeadFiles } from './leads/csv';
import { RULES } from './rules';
import { AuditService } from './service';

export const configSchema = z.object({
  /** Field -> column, for every ledger of the call (the CLI's --map adds to it). */
  map: z.record(z.string(), z.string()).optional(),
  encoding: z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'auto']).optional(),
  sheet: z.string().optional(),
  township: z.string().optional(),
  village: z.string().optional(),
  /** Rule id -> settings, stored in the workspace and used from then on. */
  rules: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
}).strict();
export type AuditConfig = z.infer<typeof configSchema>;

export interface AuditArgs {
  ledgers: string[];
  projects: string[];
  /** Officers' rosters (村干部名册), imported in the same all-or-nothing batch. */
  cadres?: string[];
  config?: string;
  workspace?: string;
  /** Creates (or opens) the workspace encrypted with this password. */
  password?: string;
  out: string;
  township?: string;
  village?: string;
  map: string[];
  encoding?: Encoding | 'auto';
  sheet?: string;
}

export function parseMapArgs(pairs: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0 || i === p.length - 1) throw new EngineError('invalid-arguments', 'cli.err.map-arg', { arg: p });
    map[p.slice(0, i).trim()] = p.slice(i + 1).trim();
  }
  return map;
}

export function loadConfig(path: string | undefined): AuditConfig {
  if (!path) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    throw new EngineError('invalid-arguments', 'cli.err.config-unreadable', { path, detail: (e as Error).message });
  }
  const r = configSchema.safeParse(raw);
  if (!r.success) throw new EngineError('invalid-arguments', 'cli.err.config-invalid', { path, issues: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  return r.data;
}

export interface AuditOutcome {
  exitCode: number;
  stdout: string[];
  stderr: string[];
}

function describeFailure(r: ImportResult): string[] {
  const lines = [`${r.message}`, `  ${r.messageEn}`];
  for (const e of r.errors) lines.push(formatRowError(e, 'zh'), `  ${formatRowError(e, 'en')}`);
  if (r.errorCount > r.errors.length) lines.push(line('row.more', { count: r.errorCount - r.errors.length }));
  return lines;
}

export function summaryLines(run: RunSummary): string[] {
  const row = (label: string, count: string | number, amount: string): string => `${padDisplay(label, 50)} ${padDisplay(String(count), 12, true)} ${padDisplay(amount, 16, true)}`;
  const out = [row(line('cli.col.rule'), `${zh('cli.col.count')} ${t('en', 'cli.col.count')}`, `${zh('cli.col.amount')} ${t('en', 'cli.col.amount')}`)];
  for (const r of run.rules) out.push(row(`${r.title} (${r.titleEn})`, r.enabled ? r.count : '—', r.enabled ? formatFen(r.amountFen) : zh('rule.setting.off')));
  out.push(row(line('cli.total'), run.total, formatFen(run.totalAmountFen)));
  for (const n of run.notices) out.push(zh('cli.note', { message: n.message }), `  ${t('en', 'cli.note', { message: n.messageEn })}`);
  return out;
}

/** How many villages the audit prints (ranking.json holds them all). */
export const TOP_VILLAGES = 10;

/** The top villages by risk score, each with what makes up its score and what could not be checked there. */
export function rankingLines(ranking: RiskRanking, rules: RuleInfo[], top = TOP_VILLAGES): string[] {
  const title = (id: string): string => rules.find((r) => r.id === id)?.title ?? id;
  const shown = ranking.villages.slice(0, top);
  const out = [line('cli.ranking.title', { count: shown.length, total: ranking.villages.length })];
  for (const v of shown) {
    out.push(zh('cli.ranking.row', {
      rank: v.rank, place: `${v.township}${v.village ?? ''}`, score: v.score.toFixed(1), findings: v.findings, amount: formatFen(v.amountFen), ran: v.rulesRan, total: v.rulesTotal,
    }));
    if (v.parts.length) out.push(`   ${zh('cli.ranking.parts', { parts: v.parts.filter((p) => p.points > 0).map((p) => zh('cli.ranking.part', { title: title(p.rule), points: p.points.toFixed(1) })).join(zh('fmt.list')) })}`);
    if (v.gaps.length) out.push(`   ${zh('cli.ranking.gaps', { gaps: v.gaps.map((g) => zh('cli.ranking.gap', { title: title(g.rule), why: g.why || zh('rule.setting.off') })).join(zh('fmt.items')) })}`);
  }
  return out;
}

/**
 * findings.json: a JSON array with one finding to a line, written as it goes — a million-line
 * district's findings (tens of megabytes) are never one string in memory.
 */
function writeFindingsJson(path: string, rows: Finding[]): void {
  const fd = openSync(path, 'w');
  try {
    let chunk = '[';
    rows.forEach((f, i) => {
      const entry = {
        id: f.id, rule: f.rule, township: f.township, village: f.village, date: f.date, vouchers: f.vouchers, project: f.project,
        amount: f.amount, reason: f.reason, reasonEn: f.reasonEn, status: f.status, sources: f.sources.map((s) => ({ file: s.file, line: s.line, sha256: s.sha256 })),
      };
      chunk += `${i ? ',' : ''}\n${JSON.stringify(entry)}`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    });
    writeSync(fd, `${chunk}\n]\n`);
  } finally {
    closeSync(fd);
  }
}

export async function runAudit(args: AuditArgs, service = new AuditService()): Promise<AuditOutcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const config = loadConfig(args.config);
  const map = { ...(config.map ?? {}), ...parseMapArgs(args.map) };
  const base: Omit<ImportOptions, 'path' | 'kind'> = {
    encoding: args.encoding ?? config.encoding,
    sheet: args.sheet ?? config.sheet,
    township: args.township ?? config.township,
    village: args.village ?? config.village,
    map: Object.keys(map).length ? map : undefined,
  };
  const workspace = resolve(args.workspace ?? join(mkdtempSync(join(tmpdir(), 'village-audit-')), 'workspace.sqlite'));
  const existed = existsSync(workspace);
  await service.openWorkspace({ path: workspace, create: true, password: args.password });
  try {
    for (const [ruleId, settings] of Object.entries(config.rules ?? {})) await service.saveRuleSettings({ rule: ruleId, settings });
    const files: ImportOptions[] = [
      ...args.ledgers.map((path) => ({ ...base, path, kind: 'ledger' as const })),
      ...args.projects.map((path) => ({ path, kind: 'projects' as const, encoding: base.encoding })),
    ];
    const batch = await service.importBatch(files, args.cadres ?? []);
    for (const r of batch.results) {
      if (r.status === 'imported' || r.status === 'duplicate') stdout.push(r.message);
    }
    for (const r of batch.cadres ?? []) if (r.status === 'imported' || r.status === 'duplicate') stdout.push(r.message);
    if (!batch.ok) {
      const badCadres = (batch.cadres ?? []).find((r) => r.status !== 'imported' && r.status !== 'duplicate');
      if (badCadres) stderr.push(badCadres.message, `  ${badCadres.messageEn}`, ...badCadres.errors.flatMap((e) => [formatRowError(e, 'zh'), `  ${formatRowError(e, 'en')}`]));
      else stderr.push(...describeFailure(batch.results[batch.results.length - 1] as ImportResult));
      stderr.push(line('cli.nothing-written'));
      if (!existed) {
        // A workspace this call created and could not fill is not left behind.
        await service.closeWorkspace();
        for (const f of [workspace, `${workspace}-wal`, `${workspace}-shm`]) rmSync(f, { force: true });
      }
      return { exitCode: 2, stdout, stderr };
    }
    const run = await service.runRules();
    const page = await service.listFindings({ limit: 200_000, sort: { by: 'township', dir: 'asc' } });
    const out = resolve(args.out);
    mkdirSync(out, { recursive: true });
    writeFindingsJson(join(out, 'findings.json'), page.rows);
    const ranking = await service.riskRanking();
    const formula = bi('rule.ranking.formula');
    writeFileSync(join(out, 'ranking.json'), JSON.stringify({ formula: formula.zh, formulaEn: formula.en, ...ranking }, null, 2) + '\n');
    // The lead files from the findings already read (the service's exportLeads would read them again).
    const leads = writeLeadFiles(join(out, 'leads'), buildLeads(page.rows, RULES));
    stdout.push('', ...summaryLines(run), '', ...rankingLines(ranking, await service.listRules()), '');
    stdout.push(`${line('cli.label.workspace')}: ${workspace}`);
    stdout.push(`${line('cli.label.findings')}: ${join(out, 'findings.json')}`);
    stdout.push(`${line('cli.label.ranking')}: ${join(out, 'ranking.json')}`);
    for (const f of leads.files) stdout.push(`${line('cli.label.leads')} ${f.township}: ${zh('doc.count', { count: f.leads })} ${formatFen(f.amountFen)} -> ${f.path}`);
    return { exitCode: 0, stdout, stderr };
  } finally {
    await service.closeWorkspace();
  }
}
