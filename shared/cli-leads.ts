// `review`, `leads`, `handoff` and `rectify`: the case-lead commands over an existing workspace.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RECT_PROGRESS, type CaseLead, type FindingStatus, type RectificationItem } from './contract';
import { formatFen, parseMoney } from './format/money';
import { formatRowError } from './ingest/row-errors';
import { AuditService } from './service';
import { UsageError } from './cli-audit';

export const LEADS_HELP = `  npm run cli -- review --workspace FILE (--finding ID ... | --all) --decision confirmed|dismissed|pending
                        --reviewer NAME [--note TEXT]
  npm run cli -- leads --workspace FILE [--actor NAME] [--source TEXT] [--cadres FILE]
                        建立并列出线索 (build and list case leads)
  npm run cli -- handoff --workspace FILE --out DIR [--township NAME] [--by NAME] [--from UNIT] [--no-pdf]
                        写出 DIR/<乡镇>.xlsx .csv .pdf 并登记移交 (write and record the handoff package)
  npm run cli -- rectify --workspace FILE (--lead NUMBER | --item ID) [--measures TEXT] [--due YYYY-MM-DD]
                        [--progress 未启动|整改中|已完成] [--recovered 金额] [--evidence FILE] [--close] [--note TEXT]
                        [--by NAME] [--export FILE.xlsx]
                        整改台账：登记、更新、销号、导出 (rectification ledger)
`;

export interface Outcome { exitCode: number; stdout: string[]; stderr: string[] }

function workspaceOf(v: string | undefined): string {
  if (!v) throw new UsageError('需要 --workspace FILE (--workspace FILE is required)');
  const p = resolve(v);
  if (!existsSync(p)) throw new UsageError(`工作区不存在：${p} (workspace not found)`);
  return p;
}

function leadLines(l: CaseLead): string[] {
  return [
    `${l.number}  ${l.township}${l.village}  ${formatFen(l.amountFen)}  ${l.disposition}${l.frozen ? '  [已移交 handed over]' : ''}${l.version > 1 ? `  v${l.version}` : ''}`,
    `  被反映人 (persons): ${l.persons.map((p) => `${p.name}（${p.post}）`).join('、') || '—'}`,
    `  反映的主要问题 (problem): ${l.problem}`,
    `  证据 (evidence): ${l.evidence.map((e) => `${e.voucher ? `${e.voucher} ` : ''}${e.file}:${e.line}`).join('、')}`,
  ];
}

function itemLine(it: RectificationItem): string {
  return `#${it.id} ${it.leadNumber ?? ''} ${it.township}${it.village} ${it.progress} 追缴 ${formatFen(it.recoveredFen)} / ${formatFen(it.amountAtIssueFen)}` +
    `${it.closed ? ` 已销号 (closed) ${it.closedBy} ${it.closedAt}` : ''}${it.overdue ? ' 逾期 (overdue)' : ''}`;
}

export async function runLeadsCommand(command: string, args: string[], service = new AuditService()): Promise<Outcome> {
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
    },
    strict: true,
    allowPositionals: false,
  });
  const ws = workspaceOf(values.workspace);
  await service.openWorkspace({ path: ws });
  try {
    if (command === 'review') {
      const decision = values.decision as FindingStatus | undefined;
      if (!decision || !['confirmed', 'dismissed', 'pending'].includes(decision)) throw new UsageError('--decision 只能是 confirmed、dismissed 或 pending (--decision must be confirmed, dismissed or pending)');
      if (!values.reviewer?.trim()) throw new UsageError('需要 --reviewer NAME (--reviewer NAME is required)');
      if (!values.all && !values.finding?.length) throw new UsageError('需要 --finding ID 或 --all (--finding ID or --all is required)');
      const ids = values.all ? (await service.listFindings({ limit: 200_000 })).rows.map((f) => f.id) : (values.finding as string[]);
      const n = await service.reviewFindings({ ids, decision, reviewer: values.reviewer, note: values.note });
      const missing = ids.length - n;
      stdout.push(`已记录 ${n} 条审核决定：${decision} (recorded ${n} decisions)`);
      if (missing > 0) {
        stderr.push(`${missing} 个发现编号不存在 (${missing} finding ids not found)`);
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
      stdout.push(`新建线索 ${made.length} 条 (new leads: ${made.length})`);
      const leads = await service.listCaseLeads({});
      for (const l of leads) stdout.push(...leadLines(l));
      stdout.push(`合计 (total): ${leads.length} 条 ${formatFen(leads.reduce((s, l) => s + l.amountFen, 0))}`);
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'handoff') {
      if (!values.out) throw new UsageError('需要 --out DIR (--out DIR is required)');
      const recs = await service.handoffLeads({ dir: values.out, township: values.township, handedBy: values.by ?? 'cli', fromUnit: values.from, pdf: !values['no-pdf'] });
      if (recs.length === 0) stdout.push('没有待移交的线索：已有线索均已移交且移交后未修改 (nothing to hand over: every lead was handed over and has not changed since)');
      for (const r of recs) {
        stdout.push(`移交 (handoff) #${r.id} ${r.township} -> ${r.toUnit}: ${r.leadCount} 件 ${formatFen(r.amountFen)}`);
        for (const f of r.files) stdout.push(`  ${f.path}  sha256:${f.sha256}`);
      }
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'rectify') {
      const by = values.by ?? 'cli';
      let item: RectificationItem | null = null;
      const recovered = values.recovered !== undefined ? parseMoney(values.recovered) : null;
      if (recovered && !recovered.ok) throw new UsageError(`--recovered 金额无法识别：${values.recovered} (unrecognised amount)`);
      if (values.progress && !(RECT_PROGRESS as readonly string[]).includes(values.progress)) throw new UsageError('--progress 只能是 未启动、整改中 或 已完成');
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
        stdout.push(`整改台账 (rectification ledger): ${x.items} 项 -> ${x.path}  sha256:${x.sha256}`);
      }
      if (!item && !values.export) {
        for (const it of await service.listRectifications({ township: values.township })) stdout.push(itemLine(it));
      }
      return { exitCode: 0, stdout, stderr };
    }
    throw new UsageError(`未知命令“${command}” (unknown command)`);
  } finally {
    await service.closeWorkspace();
  }
}
