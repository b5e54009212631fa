// The command line over the engine: `npm run cli -- audit --ledger FILE ... --out DIR`.
import { parseArgs } from 'node:util';
import type { Encoding } from './contract';
import { ANALYTICS_COMMANDS, ANALYTICS_HELP, LEADS_HELP, RULES_HELP } from './cli-help';
import { line, padDisplay } from './cli-text';
import { readFileSync } from 'node:fs';
import { asEngineError, errorPayload, type EngineError } from './i18n/errors';
import { t, zh, type MessageKey } from './i18n/messages';

/** An option of `audit` and what it does; `wrap` puts the English under the Chinese. */
const AUDIT_OPTIONS: [flag: string, what: MessageKey, wrap?: true][] = [
  ['--ledger FILE', 'cli.help.ledger'],
  ['--projects FILE', 'cli.help.projects'],
  ['--config FILE', 'cli.help.config'],
  ['--workspace FILE', 'cli.help.workspace', true],
  ['--township NAME', 'cli.help.township'],
  ['--village NAME', 'cli.help.village'],
  [`--map ${zh('cli.help.map-arg')}`, 'cli.help.map'],
  ['--encoding ENC', 'cli.help.encoding'],
  ['--sheet NAME', 'cli.help.sheet'],
  ['--out DIR', 'cli.help.out'],
  ['--cadres FILE', 'cli.help.cadres'],
];

const FLAG_WIDTH = 19;

function optionLines([flag, what, wrap]: (typeof AUDIT_OPTIONS)[number]): string {
  const head = `  ${padDisplay(flag, FLAG_WIDTH)}`;
  return wrap ? `${head}${zh(what)}\n${' '.repeat(head.length)}(${t('en', what)})` : `${head}${line(what)}`;
}

export const HELP = `${line('cli.help.title')}

${line('cli.help.usage')}:
  npm run cli -- audit --ledger FILE [--ledger FILE ...] [--projects FILE] [--config FILE]
                       [--workspace FILE] [--township NAME --village NAME] [--map ${zh('cli.help.map-arg')} ...]
                       [--encoding auto|utf-8|gb18030|utf-16le] [--sheet NAME] --out DIR

${AUDIT_OPTIONS.map(optionLines).join('\n')}

${LEADS_HELP}${RULES_HELP}
${ANALYTICS_HELP}
${line('cli.help.exit-codes')}: 0 ${line('cli.help.exit-ok')}, 2 ${line('cli.help.exit-bad-input')}, 1 ${line('cli.help.exit-other')}
`;

/** A refusal on stderr in both languages: bad input (exit 2) unless the engine itself failed (1). */
function reportEngineError(e: EngineError): number {
  const p = errorPayload(e);
  process.stderr.write(`${p.message}\n${p.messageEn}\n`);
  return p.code === 'invalid-arguments' || p.code === 'not-found' || p.code === 'conflict' ? 2 : 1;
}

/** Anything thrown, in words: an engine, file or SQLite error by its message and code (2 or 1); anything else as an engine error (1), never a stack trace. */
function reportError(e: unknown): number {
  if (isParseArgsError(e)) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const known = asEngineError(e);
  if (known) return reportEngineError(known);
  const p = errorPayload(e);
  process.stderr.write(`${p.message}\n${p.messageEn}\n`);
  return 1;
}

/**
 * The passwords, never from the command line: VILLAGE_AUDIT_PASSWORD (and _NEW_PASSWORD), or
 * standard input's lines with --password-stdin (the `password` command reads two: current, new).
 */
function readSecrets(args: string[], command: string): { password?: string; next?: string; packagePassword?: string } {
  const env = { password: process.env.VILLAGE_AUDIT_PASSWORD || undefined, next: process.env.VILLAGE_AUDIT_NEW_PASSWORD || undefined, packagePassword: process.env.VILLAGE_AUDIT_PACKAGE_PASSWORD || undefined };
  const workspaceLine = args.includes('--password-stdin');
  const packageLine = args.includes('--package-password-stdin');
  if (!workspaceLine && !packageLine && !(command === 'password' && (!env.password || !env.next))) return env;
  let text: string;
  try {
    text = readFileSync(0, 'utf8');
  } catch {
    return env;
  }
  const lines = text.split(/\r?\n/);
  // The package's password is the line after the workspace's (the first, when only the package's is read).
  if (packageLine) return { ...env, password: (workspaceLine ? lines[0] : undefined) || env.password, packagePassword: lines[workspaceLine ? 1 : 0] || env.packagePassword };
  const [first, second] = lines;
  return { ...env, password: first || env.password, next: second || env.next };
}

/** A command's outcome written out (its lines on stdout and stderr), or what it threw, in words; the exit code. */
async function runCommand(run: () => Promise<{ exitCode: number; stdout: string[]; stderr: string[] }>): Promise<number> {
  try {
    const o = await run();
    if (o.stdout.length) process.stdout.write(o.stdout.join('\n') + '\n');
    if (o.stderr.length) process.stderr.write(o.stderr.join('\n') + '\n');
    return o.exitCode;
  } catch (e) {
    return reportError(e);
  }
}

const isParseArgsError = (e: unknown): boolean => String((e as { code?: string }).code).startsWith('ERR_PARSE_ARGS');

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  // The engine is loaded for a command that needs it, not for --help.
  if (['review', 'leads', 'handoff', 'rectify', 'verify', 'password'].includes(command)) {
    return runCommand(async () => (await import('./cli-leads')).runLeadsCommand(command, rest, undefined, readSecrets(rest, command)));
  }
  if (['package', 'conflicts', 'resolve', 'rollup', 'dispose'].includes(command)) {
    return runCommand(async () => (await import('./cli-package')).runPackageCommand(command, rest, undefined, readSecrets(rest, command)));
  }
  if (command === 'rules') return runCommand(async () => (await import('./cli-rules')).runRulesCommand(rest, undefined, readSecrets(rest, command)));
  if (ANALYTICS_COMMANDS.includes(command)) {
    return runCommand(async () => (await import('./cli-analytics')).runAnalyticsCommand(command, rest, undefined, readSecrets(rest, command)));
  }
  if (command !== 'audit') {
    process.stderr.write(`${line('cli.err.unknown-command', { command })}\n\n${HELP}`);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        ledger: { type: 'string', multiple: true },
        projects: { type: 'string', multiple: true },
        cadres: { type: 'string', multiple: true },
        config: { type: 'string' },
        workspace: { type: 'string' },
        township: { type: 'string' },
        village: { type: 'string' },
        map: { type: 'string', multiple: true },
        encoding: { type: 'string' },
        sheet: { type: 'string' },
        out: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const problems: string[] = [];
  if (!values.ledger?.length && !values.workspace) problems.push(line('cli.err.need-input'));
  if (!values.out) problems.push(line('cli.err.need-out'));
  if (values.encoding && !['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'].includes(values.encoding)) problems.push(line('cli.err.encoding'));
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\n\n${HELP}`);
    return 2;
  }
  try {
    const { runAudit } = await import('./cli-audit');
    const outcome = await runAudit({
      ledgers: values.ledger ?? [],
      projects: values.projects ?? [],
      cadres: values.cadres ?? [],
      config: values.config,
      workspace: values.workspace,
      out: values.out as string,
      township: values.township,
      village: values.village,
      map: values.map ?? [],
      encoding: values.encoding as Encoding | 'auto' | undefined,
      sheet: values.sheet,
      password: readSecrets(rest, command).password,
    });
    if (outcome.stdout.length) process.stdout.write(outcome.stdout.join('\n') + '\n');
    if (outcome.stderr.length) process.stderr.write(outcome.stderr.join('\n') + '\n');
    return outcome.exitCode;
  } catch (e) {
    return reportError(e);
  }
}

const isMain = process.argv[1] && /cli\.(ts|js|mjs|cjs)$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
