// `package export|import`, `conflicts`, `resolve`, `rollup`, `dispose`: working as a team over
// an existing workspace. The package's password, like the workspace's, never on the command line:
// VILLAGE_AUDIT_PACKAGE_PASSWORD, or a line of standard input with --package-password-stdin.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { MergeConflict, PackageImportResult, RollupRow } from './contract';
import { line, padDisplay } from './cli-text';
import { formatFen } from './format/money';
import { EngineError } from './i18n/errors';
import { zh } from './i18n/messages';
import { rollupGroupLabel, rollupPlaceLabel } from './i18n/rollup-labels';
import type { Outcome, PasswordSource } from './cli-leads';
import { AuditService } from './service';

export interface TeamSecrets extends PasswordSource {
  /** The work package's password (VILLAGE_AUDIT_PACKAGE_PASSWORD, or a line of standard input). */
  packagePassword?: string;
}

function existing(v: string | undefined, key: 'cli.err.need-workspace' | 'cli.err.need-package'): string {
  if (!v) throw new EngineError('invalid-arguments', key);
  const p = resolve(v);
  if (!existsSync(p)) throw new EngineError('invalid-arguments', key === 'cli.err.need-workspace' ? 'cli.err.no-workspace' : 'package.err.not-found', { path: p });
  return p;
}

/** 乡镇/村, as --village takes it. */
function village(v: string): { township: string; village: string } {
  const [township, name] = v.split(/[/／]/);
  if (!township || !name) throw new EngineError('invalid-arguments', 'cli.err.village-arg', { value: v });
  return { township, village: name };
}

const resolutionText = (r: string | null): string => (r === 'confirmed' || r === 'dismissed' ? zh(`ui.status.${r}`) : zh('cli.conflict.kept-local'));

function conflictLines(c: MergeConflict): string[] {
  const side = (s: MergeConflict['local']): string =>
    zh(s.note ? 'cli.conflict.side-note' : 'cli.conflict.side', { summary: s.summary.zh, note: s.note ?? '', actor: s.actor, at: s.at.slice(0, 16), group: s.group });
  return [
    `#${c.id} ${c.what.zh}${c.resolvedAt ? `  ${zh('cli.conflict.resolved', { resolution: resolutionText(c.resolution), by: c.resolvedBy ?? '', at: c.resolvedAt.slice(0, 16) })}` : ''}`,
    `  ${line('cli.conflict.local')}: ${side(c.local)}`,
    `  ${line('cli.conflict.incoming')}: ${side(c.incoming)}`,
  ];
}

function importLines(r: PackageImportResult): string[] {
  return [
    r.message.zh, `(${r.message.en})`,
    ...r.leads.renumbered.map((x) => `  ${zh('cli.package.renumbered', { from: x.from, to: x.to })}`),
    ...r.conflicts.flatMap(conflictLines),
  ];
}

function rollupLine(r: RollupRow): string {
  return [padDisplay(rollupGroupLabel(r, 'zh'), 26), padDisplay(r.township, 10), padDisplay(rollupPlaceLabel(r, 'zh'), 10), padDisplay(String(r.ledgerLines), 7, true), padDisplay(String(r.findings), 5, true), padDisplay(String(r.confirmed), 5, true),
    padDisplay(String(r.leads), 5, true), padDisplay(String(r.handedOver), 5, true), padDisplay(formatFen(r.atIssueFen), 16, true), padDisplay(formatFen(r.recoveredFen), 16, true)].join(' ');
}

export async function runPackageCommand(command: string, args: string[], service = new AuditService(), secrets: TeamSecrets = {}): Promise<Outcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sub = command === 'package' ? args[0] : undefined;
  const rest = command === 'package' ? args.slice(1) : args;
  if (command === 'package' && sub !== 'export' && sub !== 'import') throw new EngineError('invalid-arguments', 'cli.err.package-sub', { sub: sub ?? '' });
  const { values } = parseArgs({
    args: rest,
    options: {
      workspace: { type: 'string' }, out: { type: 'string' }, file: { type: 'string' }, village: { type: 'string', multiple: true }, final: { type: 'boolean' },
      by: { type: 'string' }, all: { type: 'boolean' }, conflict: { type: 'string' }, decision: { type: 'string' }, note: { type: 'string' }, keep: { type: 'boolean' },
      'correct-leads': { type: 'boolean' }, export: { type: 'string' }, package: { type: 'string' }, originals: { type: 'boolean' }, create: { type: 'boolean' },
      'password-stdin': { type: 'boolean' }, 'package-password-stdin': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const actor = values.by ?? 'cli';
  // `package import --create`: the receiving workspace may be new (a group leader's district workspace).
  const ws = sub === 'import' && values.create ? resolve(values.workspace ?? '') : existing(values.workspace, 'cli.err.need-workspace');
  if (!values.workspace) throw new EngineError('invalid-arguments', 'cli.err.need-workspace');
  const needsPackagePassword = sub === 'export' || sub === 'import';
  const packagePassword = secrets.packagePassword;
  if (needsPackagePassword && !packagePassword) throw new EngineError('invalid-arguments', 'cli.err.need-package-password');
  await service.openWorkspace({ path: ws, password: secrets.password, create: values.create });
  try {
    if (sub === 'export') {
      if (!values.out) throw new EngineError('invalid-arguments', 'cli.err.need-out-package');
      const r = await service.exportPackage({ path: values.out, password: packagePassword as string, actor, villages: values.village?.map(village), final: values.final });
      stdout.push(line(r.final ? 'cli.package.exported-final' : 'cli.package.exported', {
        path: r.path, villages: r.villages.length, sources: r.counts.sources, reviews: r.counts.reviews, leads: r.counts.leads, items: r.counts.rectifications, evidence: r.counts.evidence, trail: r.counts.trail,
      }));
      stdout.push(`  SHA-256 ${r.sha256}`, `  ${line('cli.package.content-hash')}: ${r.contentSha256}`);
      return { exitCode: 0, stdout, stderr };
    }
    if (sub === 'import') {
      const file = existing(values.file, 'cli.err.need-package');
      const r = await service.importPackage({ path: file, password: packagePassword as string, actor });
      stdout.push(...importLines(r));
      const v = await service.verifyWorkspace();
      stdout.push(v.ok ? line('verify.ok', { entries: v.entries, sources: v.sources, head: v.head }) : line('verify.failed', { count: v.breaks.length + v.more }));
      return { exitCode: v.ok ? 0 : 1, stdout, stderr };
    }
    if (command === 'conflicts') {
      const list = await service.listConflicts({ all: values.all });
      stdout.push(line('cli.conflict.count', { count: list.filter((c) => !c.resolvedAt).length }), ...list.flatMap(conflictLines));
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'resolve') {
      const id = Number(values.conflict);
      if (!Number.isInteger(id) || id < 1) throw new EngineError('invalid-arguments', 'cli.err.need-conflict');
      const decision = values.decision === 'confirmed' || values.decision === 'dismissed' ? values.decision : undefined;
      if (!decision && !values.keep) throw new EngineError('invalid-arguments', 'cli.err.resolve-how');
      const c = await service.resolveConflict({ id, actor, decision, note: values.note, acknowledgeLeads: values['correct-leads'] });
      stdout.push(...conflictLines(c));
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'rollup') {
      const r = await service.rollup();
      stdout.push([padDisplay(zh('rollup.col.group'), 26), padDisplay(zh('doc.township'), 10), padDisplay(zh('doc.village'), 10), padDisplay(zh('rollup.col.lines'), 7, true), padDisplay(zh('rollup.col.findings'), 5, true),
        padDisplay(zh('rollup.col.confirmed'), 5, true), padDisplay(zh('rollup.col.leads'), 5, true), padDisplay(zh('cli.rollup.handed'), 5, true), padDisplay(zh('cli.rollup.at-issue'), 16, true),
        padDisplay(zh('cli.rollup.recovered'), 16, true)].join(' '));
      stdout.push(...r.rows.map(rollupLine), rollupLine(r.totals));
      if (values.export) {
        const x = await service.exportRollup({ path: values.export });
        stdout.push(line('cli.rollup.written', { path: x.path, sha256: x.sha256 }));
      }
      return { exitCode: 0, stdout, stderr };
    }
    if (command === 'dispose') {
      const pkg = existing(values.package, 'cli.err.need-package');
      const d = await service.disposeWorkspace({ packagePath: pkg, actor, originals: values.originals });
      stdout.push(line('cli.dispose.done', { count: d.destroyed.length, certificate: d.certificate }), ...d.destroyed.map((f) => `  ${f.path}`));
      return { exitCode: 0, stdout, stderr };
    }
    throw new EngineError('invalid-arguments', 'cli.err.unknown-command', { command });
  } finally {
    await service.closeWorkspace();
  }
}
