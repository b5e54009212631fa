// The command line as a user runs it: `npx tsx shared/cli.ts audit ...` in a child process.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExpectedFinding } from '../../fixtures/generate';
import type { RiskRanking } from '../../shared/contract';
import { RULES } from '../../shared/rules';
import { formatFen } from '../../shared/format/money';
import { district, ledgerCsv, payment, tempDir, workspaceCounts } from '../helpers';

const REPO = resolve(__dirname, '../..');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'shared/cli.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  rule: string; township: string; village: string; date: string; vouchers: string[]; project: string | null; amount: string; reason: string;
  sources: { file: string; line: number }[];
}

const expected = JSON.parse(readFileSync(district.expected, 'utf8')) as ExpectedFinding[];
const key = (f: { rule: string; township: string; village: string; date: string; vouchers: string[]; amount: string }): string =>
  [f.rule, f.township, f.village, f.date, f.vouchers.join('|'), f.amount].join(' ');

describe('cli audit', () => {
  it('audits the sample district: exit 0, findings.json in shape, the ranking, one lead file per township', () => {
    const out = tempDir('va-cli-');
    const r = cli('audit', '--ledger', district.shibanchong, '--ledger', district.chengnan, '--ledger', district.shunhe, '--projects', district.projects, '--cadres', district.cadres, '--out', out);
    expect(r.stderr).not.toMatch(/错误|error:/i);
    expect(r.code).toBe(0);
    const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as JsonFinding[];
    expect(Array.isArray(findings)).toBe(true);
    for (const f of findings) {
      expect(typeof f.rule).toBe('string');
      expect(typeof f.township).toBe('string');
      expect(typeof f.village).toBe('string');
      expect(f.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Array.isArray(f.vouchers) && f.vouchers.every((v) => typeof v === 'string')).toBe(true);
      expect(f.project === null || typeof f.project === 'string').toBe(true);
      expect(f.amount).toMatch(/^\d+\.\d{2}$/);
      expect(f.reason.length).toBeGreaterThan(0);
    }
    expect(findings.map(key).sort()).toEqual(expected.map(key).sort());
    expect(findings.find((f) => f.project === 'KF2017-003')?.amount).toBe('46200.00');
    // The ranking: printed (top villages, what makes up each score, what could not be checked) and written whole.
    const ranking = JSON.parse(readFileSync(join(out, 'ranking.json'), 'utf8')) as RiskRanking & { formula: string };
    expect(ranking.formula).toContain('log2(1 + 疑点数)');
    expect(ranking.villages.map((v) => v.rank)).toEqual(ranking.villages.map((_, i) => i + 1));
    expect(ranking.villages[0]).toMatchObject({ township: '顺河镇', village: '顺河村' });
    expect(ranking.townships).toHaveLength(3);
    expect(r.stdout).toContain('风险排名（前 10 个村，共 10 个）');
    expect(r.stdout).toMatch(/1\. 顺河镇顺河村 {2}评分 \d+\.\d {2}疑点 17 条/);
    expect(r.stdout).toContain('未能完全检查：重复支付（缺发票号码列）');
    for (const t of ['石板冲乡', '城南镇', '顺河镇']) {
      const bytes = readFileSync(join(out, 'leads', `${t}.csv`));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    // The summary on stdout: per rule, its count and amount.
    for (const rule of ['unreceipted', 'banned-hospitality', 'payment-exceeds-acceptance']) {
      const mine = findings.filter((f) => f.rule === rule);
      const fen = mine.reduce((n, f) => n + Math.round(Number(f.amount) * 100), 0);
      const title = { unreceipted: '白条入账', 'banned-hospitality': '村级招待费', 'payment-exceeds-acceptance': '工程款超付' }[rule] as string;
      const line = r.stdout.split('\n').find((l) => l.includes(title));
      expect(line, rule).toContain(formatFen(fen));
      expect(line?.split(/\s+/)).toContain(String(mine.length));
    }
  });

  it('bad input: exit 2, file:line:column on stderr, and the given workspace unchanged', () => {
    const dir = tempDir('va-cli-bad-');
    const ws = join(dir, 'ws.sqlite');
    writeFileSync(join(dir, 'good.csv'), ledgerCsv(payment({ date: '2018-03-05', voucher: '记-1', summary: '购办公用品', name: '管理费用', amount: '10.00' })));
    expect(cli('audit', '--ledger', join(dir, 'good.csv'), '--workspace', ws, '--out', join(dir, 'out1')).code).toBe(0);
    const before = workspaceCounts(ws);

    const lines = payment({ date: '2018-03-06', voucher: '记-2', summary: '付电费', name: '管理费用', amount: '20.00' });
    lines[1] = { ...lines[1]!, credit: '二十元' };
    writeFileSync(join(dir, 'bad.csv'), ledgerCsv(lines));
    writeFileSync(join(dir, 'other.csv'), ledgerCsv(payment({ date: '2018-03-07', voucher: '记-3', summary: '付水费', name: '管理费用', amount: '5.00' })));
    const r = cli('audit', '--ledger', join(dir, 'other.csv'), '--ledger', join(dir, 'bad.csv'), '--workspace', ws, '--out', join(dir, 'out2'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.csv:3:9');
    expect(r.stderr).toContain('二十元');
    expect(workspaceCounts(ws)).toEqual(before);
    expect(existsSync(join(dir, 'out2', 'findings.json'))).toBe(false);
  });

  it('a missing file or a file needing --township/--village exits 2 and writes nothing', () => {
    const dir = tempDir('va-cli-missing-');
    const ws = join(dir, 'ws.sqlite');
    const r = cli('audit', '--ledger', join(dir, 'nope.csv'), '--workspace', ws, '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.csv');
    writeFileSync(join(dir, 'onevillage.csv'), '凭证日期,凭证号,摘要,科目名称,借方金额,贷方金额\n2018-03-05,记-1,付电费,管理费用,1.00,\n');
    const r2 = cli('audit', '--ledger', join(dir, 'onevillage.csv'), '--workspace', ws, '--out', join(dir, 'out'));
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('--township');
    // A workspace the failed call would have created is not left behind.
    expect(existsSync(ws)).toBe(false);
    const r3 = cli('audit', '--ledger', join(dir, 'onevillage.csv'), '--township', '石板冲乡', '--village', '赵湾村', '--workspace', ws, '--out', join(dir, 'out'));
    expect(r3.code).toBe(0);
    expect(workspaceCounts(ws).ledger_rows).toBe(1);
  });

  it('--map and a config file map columns; the config\'s rule settings apply', () => {
    const dir = tempDir('va-cli-map-');
    const header = ['乡镇', '村', '日期', '凭证编码', '说明', '科目', '借方', '贷方'];
    const rows = [
      ['石板冲乡', '赵湾村', '2017-03-01', '记-1', '宴请检查组', '管理费用', '300.00', ''],
      ['石板冲乡', '赵湾村', '2017-03-01', '记-1', '宴请检查组', '银行存款', '', '300.00'],
    ];
    writeFileSync(join(dir, 'odd.csv'), [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
    const unmapped = cli('audit', '--ledger', join(dir, 'odd.csv'), '--out', join(dir, 'o0'));
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toContain('凭证编码');
    expect(unmapped.stderr).toContain('--map');

    const mapped = cli('audit', '--ledger', join(dir, 'odd.csv'), '--map', '凭证号=凭证编码', '--map', 'summary=说明', '--out', join(dir, 'o1'));
    expect(mapped.code).toBe(0);
    const f1 = JSON.parse(readFileSync(join(dir, 'o1', 'findings.json'), 'utf8')) as JsonFinding[];
    expect(f1.map((f) => [f.rule, f.vouchers[0], f.amount])).toEqual([['banned-hospitality', '记-1', '300.00']]);

    writeFileSync(join(dir, 'config.json'), JSON.stringify({ map: { voucher: '凭证编码', 分录摘要: '说明' }, rules: { 'banned-hospitality': { banDate: '2018-01-01' } } }));
    const viaConfig = cli('audit', '--ledger', join(dir, 'odd.csv'), '--config', join(dir, 'config.json'), '--out', join(dir, 'o2'));
    expect(viaConfig.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'o2', 'findings.json'), 'utf8'))).toEqual([]);

    // Switched off in the config: it does not run, and the summary says so.
    writeFileSync(join(dir, 'off.json'), JSON.stringify({ map: { voucher: '凭证编码', 分录摘要: '说明' }, rules: { 'banned-hospitality': { enabled: false } } }));
    const off = cli('audit', '--ledger', join(dir, 'odd.csv'), '--config', join(dir, 'off.json'), '--out', join(dir, 'o4'));
    expect(off.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'o4', 'findings.json'), 'utf8'))).toEqual([]);
    expect(off.stdout).toContain('村级招待费已在设置中关闭，本次未检查');
    writeFileSync(join(dir, 'unknown.json'), JSON.stringify({ rules: { 'no-such-rule': { enabled: false } } }));
    expect(cli('audit', '--ledger', join(dir, 'odd.csv'), '--config', join(dir, 'unknown.json'), '--out', join(dir, 'o5')).code).toBe(2);

    writeFileSync(join(dir, 'bad-config.json'), JSON.stringify({ mapp: {} }));
    expect(cli('audit', '--ledger', join(dir, 'odd.csv'), '--config', join(dir, 'bad-config.json'), '--out', join(dir, 'o3')).code).toBe(2);
  });

  it('rules: every rule with its id, title, policy and settings; --json for machines', () => {
    const r = cli('rules');
    expect(r.code).toBe(0);
    for (const rule of RULES) expect(r.stdout).toContain(`${rule.id}  ${rule.title} (${rule.titleEn})`);
    expect(r.stdout).toContain('limitFen           ¥5,000.00');
    const j = cli('rules', '--json');
    expect(j.code).toBe(0);
    const rules = JSON.parse(j.stdout) as { id: string; title: string; policy: string; policyEn: string; needs: string[]; settings: { key: string; value: unknown; meaning: string }[] }[];
    expect(rules.map((x) => x.id)).toEqual(RULES.map((x) => x.id));
    for (const x of rules) {
      expect(x.settings.slice(0, 2).map((s) => s.key)).toEqual(['enabled', 'weight']);
      expect(x.policy.length).toBeGreaterThan(10);
      for (const s of x.settings) expect(s.meaning.length, `${x.id}.${s.key}`).toBeGreaterThan(2);
    }
    expect(rules.find((x) => x.id === 'related-party')?.needs).toEqual(['cadres', 'counterparty']);
  });

  it('--help and usage errors', () => {
    const h = cli('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--ledger');
    expect(h.stdout).toContain('--workspace');
    const h2 = cli('audit', '--help');
    expect(h2.code).toBe(0);
    expect(h2.stdout).toContain('audit');
    const bad = cli('audit', '--ledger', 'x.csv');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--out');
    expect(cli('frobnicate').code).toBe(2);
  });

  it('calling audit again with the same --workspace adds files without doubling', () => {
    const dir = tempDir('va-cli-again-');
    const ws = join(dir, 'ws.sqlite');
    expect(cli('audit', '--ledger', district.shibanchong, '--workspace', ws, '--out', join(dir, 'o1')).code).toBe(0);
    const first = workspaceCounts(ws);
    const r = cli('audit', '--ledger', district.shibanchong, '--ledger', district.chengnan, '--ledger', district.shunhe, '--projects', district.projects, '--cadres', district.cadres,
      '--workspace', ws, '--out', join(dir, 'o2'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已导入过');
    const second = workspaceCounts(ws);
    expect(second.source_files).toBe(4);
    expect(second.ledger_rows).toBeGreaterThan(first.ledger_rows!);
    // Running a third time with nothing new changes nothing.
    expect(cli('audit', '--ledger', district.chengnan, '--workspace', ws, '--out', join(dir, 'o3')).code).toBe(0);
    expect(workspaceCounts(ws).ledger_rows).toBe(second.ledger_rows);
    const findings = JSON.parse(readFileSync(join(dir, 'o3', 'findings.json'), 'utf8')) as JsonFinding[];
    expect(findings.map(key).sort()).toEqual(expected.map(key).sort());
  });
});
