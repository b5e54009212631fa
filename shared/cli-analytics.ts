// `export-findings`, `summary`, `sample` and `context`: the analytics over an existing workspace,
// as the app offers them (issue 13). Arguments go through the contract's schemas, as the app's do.
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ARG_SCHEMAS, type AuditArgs, type FindingQuery, type LedgerRow, type PivotDimension, type PivotMeasure, type PivotTable, type Sample,
} from './contract';
import { ruleTitleIn, populationText } from './analytics/exports';
import { FOLDED_KEY } from './analytics/pivot';
import { displayWidth, line, padDisplay } from './cli-text';
import { formatFen, parseMoney } from './format/money';
import { EngineError } from './i18n/errors';
import { zh } from './i18n/messages';
import { AuditService } from './service';

export { ANALYTICS_COMMANDS, ANALYTICS_HELP } from './cli-help';

export interface Outcome { exitCode: number; stdout: string[]; stderr: string[] }

/** The arguments as the contract's schema for the method takes them, or a refusal naming what is wrong. */
function valid<M extends keyof typeof ARG_SCHEMAS>(method: M, arg: unknown): AuditArgs<M>[0] {
  const r = ARG_SCHEMAS[method].safeParse([arg]);
  if (!r.success) throw new EngineError('invalid-arguments', 'err.invalid-arguments', { detail: r.error.issues.map((i) => `${i.path.slice(1).join('.') || method}: ${i.message}`).join('; ') });
  return (r.data as unknown[])[0] as AuditArgs<M>[0];
}

function formatOf(out: string): 'xlsx' | 'csv' {
  const ext = extname(out).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new EngineError('invalid-arguments', 'cli.err.out-format', { path: out });
}

const int = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));

function fen(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = parseMoney(v);
  if (!m.ok) throw new EngineError('invalid-arguments', 'cli.err.amount', { value: v });
  return m.fen;
}

function sortOf(v: string | undefined): FindingQuery['sort'] {
  if (!v) return undefined;
  const [by, dir] = v.split(':');
  return { by: by as NonNullable<FindingQuery['sort']>['by'], dir: dir === 'desc' ? 'desc' : 'asc' };
}

function pivotLines(table: PivotTable): string[] {
  const label = (key: string, text: string, dim: PivotDimension) => (key === FOLDED_KEY ? zh('pivot.folded') : key === '' ? zh('pivot.blank') : dim === 'rule' ? ruleTitleIn('zh', key) : text);
  const rows = [...table.lines.map((l) => ({ label: label(l.key, l.label, table.rows), cells: l.cells, total: l.total })), { label: line('pivot.total'), cells: table.totals.cells, total: table.totals.total }];
  const headers = [
    ...table.columnKeys.map((c) => label(c.key, c.label, table.columns ?? table.rows)),
    table.columnKeys.length ? zh('pivot.total') : zh(table.source === 'findings' ? 'pivot.measure.findings' : `pivot.measure.${table.measure}`),
  ];
  // Each column as wide as its header or an amount, whichever is wider; the labels' column as its longest label.
  const widths = headers.map((h) => Math.max(16, displayWidth(h) + 2));
  const first = Math.min(44, Math.max(...rows.map((r) => displayWidth(r.label)), displayWidth(line(`pivot.dim.${table.rows}`))) + 2);
  const count = zh(table.source === 'findings' ? 'pivot.count.findings' : 'pivot.count.lines');
  const head = `${padDisplay(line(`pivot.dim.${table.rows}`), first)}${headers.map((h, i) => padDisplay(h, widths[i] as number, true)).join('')}${padDisplay(count, 10, true)}`;
  return [head, ...rows.map((r) => `${padDisplay(r.label, first)}${[...r.cells, r.total].map((c, i) => padDisplay(formatFen(c.amountFen), widths[i] as number, true)).join('')}${padDisplay(String(r.total.count), 10, true)}`)];
}

function sampleLines(s: Sample): string[] {
  return [
    `${s.id}  ${line(`sample.method.${s.method}`)}  ${zh('sample.param.seed')} ${s.seed}  ${zh('sample.param.size')} ${s.size}  ${zh('sample.param.population')} ${populationText(s.population, 'zh')}`,
    `  ${zh('sample.param.frame')} ${s.frame.vouchers}  ${zh('sample.param.frame-amount')} ${formatFen(s.frame.amountFen)}${s.intervalFen !== null ? `  ${zh('sample.param.interval')} ${formatFen(s.intervalFen)}` : ''}  ${zh('sample.param.fingerprint')} ${s.frame.fingerprint}`,
    ...s.picks.map((p) => `  ${String(p.seq).padStart(4)}. ${p.township}${p.village}${p.entity ? ` ${p.entity}` : ''} ${p.voucher} ${p.date} ${formatFen(p.amountFen)}${p.source ? `  ${p.source.file}${p.source.sheet ? `[${p.source.sheet}]` : ''}:${p.source.line}` : ''}${p.units ? `  ×${p.units.length}` : ''}`),
  ];
}

function ledgerLine(l: LedgerRow, mark: boolean): string {
  return `${mark ? '>' : ' '} ${l.date} ${padDisplay(l.voucher, 8)} ${padDisplay(l.summary, 28)} ${padDisplay(`${l.accountCode} ${l.accountName}`.trim(), 26)} ${padDisplay(l.debitFen ? formatFen(l.debitFen) : '', 15, true)} ${padDisplay(l.creditFen ? formatFen(l.creditFen) : '', 15, true)}  ${l.file}${l.sheet ? `[${l.sheet}]` : ''}:${l.line}`;
}

export async function runAnalyticsCommand(command: string, args: string[], service = new AuditService(), secrets: { password?: string } = {}): Promise<Outcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const { values } = parseArgs({
    args,
    options: {
      workspace: { type: 'string' }, out: { type: 'string' }, rule: { type: 'string', multiple: true }, township: { type: 'string' }, village: { type: 'string' },
      status: { type: 'string', multiple: true }, from: { type: 'string' }, to: { type: 'string' }, text: { type: 'string' }, sort: { type: 'string' },
      'password-stdin': { type: 'boolean' }, lang: { type: 'string' }, by: { type: 'string' }, columns: { type: 'string' }, of: { type: 'string' }, measure: { type: 'string' }, account: { type: 'string' },
      method: { type: 'string' }, size: { type: 'string' }, seed: { type: 'string' }, min: { type: 'string' }, extend: { type: 'string' }, add: { type: 'string' },
      list: { type: 'boolean' }, finding: { type: 'string' }, line: { type: 'string' }, project: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.workspace) throw new EngineError('invalid-arguments', 'cli.err.need-workspace');
  const ws = resolve(values.workspace);
  if (!existsSync(ws)) throw new EngineError('invalid-arguments', 'cli.err.no-workspace', { path: ws });
  await service.openWorkspace({ path: ws, password: secrets.password });
  const written = (r: { path: string; rows: number; sha256: string }) => stdout.push(`${line('cli.analytics.written', { rows: r.rows })} -> ${r.path}  sha256:${r.sha256}`);
  try {
    if (command === 'export-findings') {
      if (!values.out) throw new EngineError('invalid-arguments', 'cli.err.need-out');
      const query = {
        rule: values.rule, township: values.township ? [values.township] : undefined, village: values.village ? [values.village] : undefined, status: values.status,
        dateFrom: values.from, dateTo: values.to, text: values.text, sort: sortOf(values.sort),
      };
      written(await service.exportFindings(valid('exportFindings', { query, path: values.out, format: formatOf(values.out), lang: values.lang ?? 'zh' })));
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'summary') {
      const source = values.of ?? 'ledger';
      const place = { township: values.township, village: values.village };
      const query = valid('summarize', {
        source, rows: values.by, columns: values.columns, measure: values.measure as PivotMeasure | undefined,
        ...(source === 'ledger'
          ? { ledger: { ...place, account: values.account, dateFrom: values.from, dateTo: values.to } }
          : { findings: { township: values.township ? [values.township] : undefined, village: values.village ? [values.village] : undefined, rule: values.rule, status: values.status, dateFrom: values.from, dateTo: values.to } }),
      });
      stdout.push(...pivotLines(await service.summarize(query)));
      if (values.out) written(await service.exportSummary({ query, path: values.out, format: formatOf(values.out), lang: (values.lang ?? 'zh') as 'zh' | 'en' }));
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'sample') {
      const actor = values.by ?? 'cli';
      let s: Sample | null = null;
      if (values.list) {
        for (const x of await service.listSamples()) stdout.push(sampleLines(x)[0] as string);
        return { exitCode: 0, stdout, stderr };
      }
      if (values.extend) s = await service.extendSample(valid('extendSample', { id: values.extend, add: int(values.add), actor }));
      else {
        s = await service.drawSample(valid('drawSample', {
          method: values.method, size: int(values.size), seed: int(values.seed), actor,
          population: { township: values.township, village: values.village, dateFrom: values.from, dateTo: values.to, minAmountFen: fen(values.min), account: values.account },
        }));
      }
      stdout.push(...sampleLines(s));
      if (values.out) written(await service.exportSample({ id: s.id, path: values.out, format: formatOf(values.out), lang: (values.lang ?? 'zh') as 'zh' | 'en' }));
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'context') {
      const c = await service.ledgerContext(valid('ledgerContext', { findingId: values.finding, lineId: int(values.line), project: values.project, before: int(values.before), after: int(values.after) }));
      const anchors = new Set(c.anchorLineIds);
      stdout.push(line('cli.analytics.context', { place: `${c.township}${c.village}`, from: c.offset + 1, to: c.offset + c.lines.length, total: c.villageLines }));
      for (const l of c.lines) stdout.push(ledgerLine(l, anchors.has(l.id)));
      if (c.truncated) stderr.push(line('cli.analytics.truncated'));
      return { exitCode: 0, stdout, stderr };
    }
    throw new EngineError('invalid-arguments', 'cli.err.unknown-command', { command });
  } finally {
    await service.closeWorkspace();
  }
}
