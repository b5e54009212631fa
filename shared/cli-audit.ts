// `audit`: import ledgers and projects (all or nothing), run every rule, write findings.json
// and one lead file per township.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Encoding, ImportOptions, ImportResult, RunSummary } from './contract';
import { formatFen } from './format/money';
import { formatRowError } from './ingest/row-errors';
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
  out: string;
  township?: string;
  village?: string;
  map: string[];
  encoding?: Encoding | 'auto';
  sheet?: string;
}

export class UsageError extends Error {}

export function parseMapArgs(pairs: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0 || i === p.length - 1) throw new UsageError(`--map 应为 字段=列名，收到“${p}” (--map takes field=column, got "${p}")`);
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
    throw new UsageError(`配置文件 ${path} 无法读取或不是 JSON：${(e as Error).message} (config file unreadable or not JSON)`);
  }
  const r = configSchema.safeParse(raw);
  if (!r.success) throw new UsageError(`配置文件 ${path} 无效 (invalid config file): ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
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
  if (r.errorCount > r.errors.length) lines.push(`另有 ${r.errorCount - r.errors.length} 处错误未列出 (${r.errorCount - r.errors.length} more errors not listed)`);
  return lines;
}

/** Pads to a terminal width where a Chinese character takes two columns. */
function displayWidth(s: string): number {
  return [...s].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
}
function padDisplay(s: string, width: number, start = false): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return start ? pad + s : s + pad;
}

export function summaryLines(run: RunSummary): string[] {
  const row = (label: string, count: string | number, amount: string): string => `${padDisplay(label, 50)} ${padDisplay(String(count), 12, true)} ${padDisplay(amount, 16, true)}`;
  const out = [row('规则 (rule)', '数量 count', '金额 amount')];
  for (const r of run.rules) out.push(row(`${r.title} (${r.titleEn})`, r.count, formatFen(r.amountFen)));
  out.push(row('合计 (total)', run.total, formatFen(run.totalAmountFen)));
  for (const n of run.notices) out.push(`注意：${n.message}`, `  Note: ${n.messageEn}`);
  return out;
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
  await service.openWorkspace({ path: workspace, create: true });
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
      stderr.push('工作区未做任何改动 (nothing was written to the workspace)');
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
    const findings = page.rows.map((f) => ({
      id: f.id, rule: f.rule, township: f.township, village: f.village, date: f.date, vouchers: f.vouchers, project: f.project,
      amount: f.amount, reason: f.reason, reasonEn: f.reasonEn, status: f.status, sources: f.sources.map((s) => ({ file: s.file, line: s.line, sha256: s.sha256 })),
    }));
    writeFileSync(join(out, 'findings.json'), JSON.stringify(findings, null, 2) + '\n');
    const leads = await service.exportLeads({ dir: join(out, 'leads') });
    stdout.push('', ...summaryLines(run), '');
    stdout.push(`工作区 (workspace): ${workspace}`);
    stdout.push(`发现 (findings): ${join(out, 'findings.json')}`);
    for (const f of leads.files) stdout.push(`线索 (leads) ${f.township}: ${f.leads} 件 ${formatFen(f.amountFen)} -> ${f.path}`);
    return { exitCode: 0, stdout, stderr };
  } finally {
    await service.closeWorkspace();
  }
}
