// The command line's analytics over a workspace of the sample district: export-findings, summary,
// sample (draw, extend, list) and context, their files and their refusals.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalyticsCommand } from '../../shared/cli-analytics';
import { HELP } from '../../shared/cli';
import { formatFen } from '../../shared/format/money';
import { AuditService } from '../../shared/service';
import { importDistrict, openTempService, tempDir } from '../helpers';

let ws: string;
let banned: string;
/** The findings' count and total, as the engine has them (the printed totals line must say the same). */
let all: { total: number; totalAmountFen: number };

beforeAll(async () => {
  const { service, path } = await openTempService();
  await importDistrict(service);
  await service.runRules();
  banned = (await service.listFindings({ rule: ['banned-hospitality'] })).rows[0]!.id;
  all = await service.listFindings({ limit: 1 });
  await service.closeWorkspace();
  ws = path;
});

const run = (command: string, ...args: string[]) => runAnalyticsCommand(command, ['--workspace', ws, ...args], new AuditService({ now: () => '2026-11-25T08:00:00.000Z' }));

describe('cli analytics', () => {
  it('lists its commands in the help', () => {
    for (const c of ['export-findings', 'summary', 'sample', 'context']) expect(HELP).toContain(`npm run cli -- ${c}`);
  });

  it('exports the findings a filter selects, in its order', async () => {
    const out = join(tempDir(), 'f.xlsx');
    const r = await run('export-findings', '--out', out, '--rule', 'unreceipted', '--sort', 'amount:desc');
    expect(r.exitCode).toBe(0);
    expect(r.stdout[0]).toMatch(/已写出 \d+ 行/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const amounts = wb.worksheets[0]!.getColumn(5).values.slice(2) as number[];
    expect(amounts.length).toBeGreaterThan(2);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    await expect(run('export-findings', '--out', join(tempDir(), 'f.txt'))).rejects.toMatchObject({ code: 'invalid-arguments' });
  });

  it('prints a summary with its totals and writes it', async () => {
    const out = join(tempDir(), 's.csv');
    const r = await run('summary', '--of', 'findings', '--by', 'village', '--columns', 'rule', '--out', out);
    expect(r.exitCode).toBe(0);
    expect(r.stdout[0]).toMatch(/^村 \(Village\)/);
    const total = r.stdout.find((l) => l.startsWith('合计'))!;
    expect(total).toContain(formatFen(all.totalAmountFen));
    expect(total.trim().endsWith(` ${all.total}`)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('"合计"');
    await expect(run('summary', '--by', 'rule')).rejects.toMatchObject({ code: 'invalid-arguments' });
  });

  it('draws a sample with a seed, extends it and lists it; the same seed draws it again', async () => {
    const out = join(tempDir(), 'sample.xlsx');
    const a = await run('sample', '--method', 'random', '--size', '5', '--seed', '11', '--township', '城南镇', '--by', '李审计', '--out', out);
    expect(a.exitCode).toBe(0);
    expect(a.stdout[0]).toMatch(/^S1 .*随机种子 11 .*样本量 5 .*城南镇/);
    const picks = a.stdout.filter((l) => /^\s+\d+\. /.test(l));
    expect(picks).toHaveLength(5);
    expect(existsSync(out)).toBe(true);
    const b = await run('sample', '--extend', 'S1', '--add', '3', '--by', '王审计');
    expect(b.stdout.filter((l) => /^\s+\d+\. /.test(l)).slice(0, 5)).toEqual(picks);
    const again = await run('sample', '--method', 'random', '--size', '8', '--seed', '11', '--township', '城南镇');
    expect(again.stdout.filter((l) => /^\s+\d+\. /.test(l))).toEqual(b.stdout.filter((l) => /^\s+\d+\. /.test(l)));
    expect((await run('sample', '--list')).stdout.map((l) => l.split(' ')[0])).toEqual(['S1', 'S2']);
    await expect(run('sample', '--method', 'mus', '--size', '0')).rejects.toMatchObject({ code: 'invalid-arguments' });
  });

  it('prints the ledger around a finding, its voucher marked', async () => {
    const r = await run('context', '--finding', banned, '--before', '2', '--after', '2');
    expect(r.exitCode).toBe(0);
    const marked = r.stdout.filter((l) => l.startsWith('>'));
    expect(marked.length).toBeGreaterThanOrEqual(2);
    expect(r.stdout.length - 1).toBe(marked.length + 4);
    await expect(run('context', '--finding', 'nope')).rejects.toMatchObject({ code: 'not-found' });
  });
});
