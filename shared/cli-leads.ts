// `review`, `leads`, `handoff` and `rectify`: the case-lead commands over an existing workspace.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RECT_PROGRESS, type CaseLead, type FindingStatus, type RectificationItem, type VerifyReport } from './contract';
export { LEADS_HELP } from './cli-help';
import { line } from './cli-text';
import { formatFen, parseMoney } from './format/money';
import { EngineError } from './i18n/errors';
import { t, zh } from './i18n/messages';
import { formatRowError } from './ingest/row-errors';
import { AuditService } from './service';

export interface Outcome { exitCode: number; stdout: string[]; stderr: string[] }

/** Where an encrypted workspace's password comes from: never the command line (shell history, process lists) but an environment variable or standard input. */
export interface PasswordSource {
  /** The password, when there is one (VILLAGE_AUDIT_PASSWORD, or the first line of standard input with --password-stdin). */
  password?: string;
  /** The new one, for `password` (VILLAGE_AUDIT_NEW_PASSWORD, or the second line of standard input). */
  next?: string;
}

function workspaceOf(v: string | undefined): string {
  if (!v) throw new EngineError('invalid-arguments', 'cli.err.need-workspace');
  const p = resolve(v);
  if (!existsSync(p)) throw new EngineError('invalid-arguments', 'cli.err.no-workspace', { path: p });
  return p;
}

function leadLines(l: CaseLead): string[] {
  return [
    `${l.number}  ${l.township}${l.village}  ${formatFen(l.amountFen)}  ${l.disposition}${l.frozen ? `  [${line('cli.lead.handed-over')}]` : ''}${l.version > 1 ? `  v${l.version}` : ''}`,
    `  ${line('cli.lead.persons')}: ${l.persons.map((p) => zh('cli.lead.person', { name: p.name, post: p.post })).join(zh('fmt.list')) || '—'}`,
    `  ${line('cli.lead.problem')}: ${l.problem}`,
    `  ${line('cli.lead.evidence')}: ${l.evidence.map((e) => `${e.voucher ? `${e.voucher} ` : ''}${e.file}:${e.line}`).join(zh('fmt.list'))}`,
  ];
}

function itemLine(it: RectificationItem): string {
  return `#${it.id} ${it.leadNumber ?? ''} ${it.township}${it.village} ${it.progress} ${zh('cli.rect.recovered', { recovered: formatFen(it.recoveredFen), atIssue: formatFen(it.amountAtIssueFen) })}` +
    `${it.closed ? ` ${line('cli.rect.closed')} ${it.closedBy} ${it.closedAt}` : ''}${it.overdue ? ` ${line('cli.rect.overdue')}` : ''}`;
}

function breakLines(r: VerifyReport): string[] {
  return r.breaks.flatMap((b) => [
    `  ✗ ${b.what.zh}: ${b.message.zh}`,
    `    (${b.what.en}: ${b.message.en})`,
    ...b.changes.map((c) => `      ${zh('verify.change', { label: c.label, was: c.was, now: c.now })}`),
  ]);
}

export async function runLeadsCommand(command: string, args: string[], service = new AuditService(), secrets: PasswordSource = {}): Promise<Outcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const { values } = parseArgs({
    args,
    options: {
      workspace: { type: 'string' }, finding: { type: 'string', multiple: true }, all: { type: 'boolean' }, decision: { type: 'string' },
      reviewer: { type: 'string' }, note: { type: 'string' }, actor: { type: 'string' }, source: { type: 'string' }, cadres: { type: 'string' },
      out: { type: 'string' }, township: { type: 'string' }, by: { type: 'string' }, from: { type: 'string' }, 'no-pdf': { type: 'boolean' },
      lead: { type: 'string' }, item: { type: 'string' }, measures: { type: 'string' }, due: { type: 'string' }, progress: { type: 'string' },
      recovered: { type: 'string' }, evidence: { type: 'string', multiple: true }, close: { type: 'boolean' }, export: { type: 'string' },
      'correct-leads': { type: 'boolean' }, 'password-stdin': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const ws = workspaceOf(values.workspace);
  const info = await service.openWorkspace({ path: ws, password: secrets.password });
  try {
    if (command === 'verify') {
      const r = info.integrity;
      if (r.ok) {
        stdout.push(line('verify.ok', { entries: r.entries, sources: r.sources, head: r.head }));
        return { exitCode: 0, stdout, stderr };
      }
      stderr.push(`${zh('verify.failed', { count: r.breaks.length + r.more })}`, `(${t('en', 'verify.failed', { count: r.breaks.length + r.more })})`, ...breakLines(r));
      return { exitCode: 1, stdout, stderr };
    }
    if (command === 'password') {
      if (!secrets.password || !secrets.next) throw new EngineError('invalid-arguments', 'cli.err.need-passwords');
      await service.changePassword({ current: secrets.password, next: secrets.next });
      stdout.push(line('cli.password-changed'));
      return { exitCode: 0, stdout, stderr };
    }
    if (!info.integrity.ok) stderr.push(line('cli.integrity-warning', { count: info.integrity.breaks.length + info.integrity.more }));
    if (command === 'review') {
      const decision = values.decision as FindingStatus | undefined;
      if (!decision || !['confirmed', 'dismissed', 'pending'].includes(decision)) throw new EngineError('invalid-arguments', 'cli.err.decision');
      if (!values.reviewer?.trim()) throw new EngineError('invalid-arguments', 'cli.err.need-reviewer');
      if (!values.all && !values.finding?.length) throw new EngineError('invalid-arguments', 'cli.err.need-findings');
      const ids = values.all ? (await service.listFindings({ limit: 200_000 })).rows.map((f) => f.id) : (values.finding as string[]);
      const impact = await service.reviewImpact({ ids, decision });
      for (const l of impact.leads) {
        stderr.push(line(l.handedOver ? 'cli.review.lead-correction' : 'cli.review.lead-change', { number: l.number, findings: l.findings, version: l.nextVersion, to: l.toUnit ?? '' }));
      }
      for (const it of impact.rectifications.filter((x) => x.closed)) stderr.push(line('cli.review.rect-basis', { id: it.id }));
      const n = await service.reviewFindings({ ids, decision, reviewer: values.reviewer, note: values.note, acknowledgeLeads: values['correct-leads'] });
      const missing = ids.length - n;
      stdout.push(line('cli.reviewed', { count: n, decision }));
      if (missing > 0) {
        stderr.push(line('cli.review-missing', { count: missing }));
        return { exitCode: 2, stdout, stderr };
      }
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'leads') {
      const actor = values.actor ?? values.reviewer ?? 'cli';
      if (values.cadres) {
        const r = await service.importCadres({ path: values.cadres, actor });
        if (r.status === 'rejected' || r.status === 'needs-mapping') {
          stderr.push(r.message, `  ${r.messageEn}`, ...r.errors.map((e) => formatRowError(e, 'zh')));
          return { exitCode: 2, stdout, stderr };
        }
        stdout.push(r.message);
      }
      if (values.source) await service.setLeadSource({ source: values.source, actor });
      const made = await service.buildCaseLeads({ actor });
      stdout.push(line('cli.leads-built', { count: made.length }));
      const leads = await service.listCaseLeads({});
      for (const l of leads) stdout.push(...leadLines(l));
      stdout.push(`${line('cli.total')}: ${zh('cli.count.leads', { count: leads.length })} ${formatFen(leads.reduce((s, l) => s + l.amountFen, 0))}`);
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'handoff') {
      if (!values.out) throw new EngineError('invalid-arguments', 'cli.err.need-out');
      const recs = await service.handoffLeads({ dir: values.out, township: values.township, handedBy: values.by ?? 'cli', fromUnit: values.from, pdf: !values['no-pdf'] });
      if (recs.length === 0) stdout.push(line('cli.handoff.nothing'));
      for (const r of recs) {
        stdout.push(`${line('cli.label.handoff')} #${r.id} ${r.township} -> ${r.toUnit}: ${zh('doc.count', { count: r.leadCount })} ${formatFen(r.amountFen)}`);
        for (const f of r.files) stdout.push(`  ${f.path}  sha256:${f.sha256}`);
        for (const n of r.mergeNotes) stdout.push(`  ${n}`);
      }
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'rectify') {
      const by = values.by ?? 'cli';
      let item: RectificationItem | null = null;
      const recovered = values.recovered !== undefined ? parseMoney(values.recovered) : null;
      if (recovered && !recovered.ok) throw new EngineError('invalid-arguments', 'cli.err.recovered', { value: values.recovered ?? '' });
      if (values.progress && !(RECT_PROGRESS as readonly string[]).includes(values.progress)) throw new EngineError('invalid-arguments', 'cli.err.progress', { values: RECT_PROGRESS.join('|') });
      const patch = {
        measures: values.measures, dueDate: values.due, progress: values.progress as RectificationItem['progress'] | undefined,
        recoveredFen: recovered && recovered.ok ? recovered.fen : undefined,
      };
      if (values.item) {
        const id = Number(values.item);
        item = await service.updateRectification({ id, patch, actor: by });
      } else if (values.lead) {
        item = await service.createRectification({ leadNumber: values.lead, ...patch, actor: by });
      }
      if (item) {
        for (const e of values.evidence ?? []) item = await service.addRectificationEvidence({ id: item.id, path: e, actor: by });
        if (values.close) item = await service.closeRectification({ id: item.id, note: values.note, actor: by });
        stdout.push(itemLine(item));
      }
      if (values.export) {
        const x = await service.exportRectifications({ path: values.export, township: values.township });
        stdout.push(`${line('cli.label.rect-ledger')}: ${zh('cli.count.items', { count: x.items })} -> ${x.path}  sha256:${x.sha256}`);
      }
      if (!item && !values.export) {
        for (const it of await service.listRectifications({ township: values.township })) stdout.push(itemLine(it));
      }
      return { exitCode: 0, stdout, stderr };
    }
    throw new EngineError('invalid-arguments', 'cli.err.unknown-command', { command });
  } finally {
    await service.closeWorkspace();
  }
}
