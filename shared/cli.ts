// The command line over the engine: `npm run cli -- audit --ledger FILE ... --out DIR`.
import { parseArgs } from 'node:util';
import type { Encoding } from './contract';
import { runAudit, UsageError } from './cli-audit';
import { LEADS_HELP, runLeadsCommand } from './cli-leads';
import { EngineError, errorPayload } from './i18n/errors';

export const HELP = `村级财务审计助手 命令行 (Village Audit command line)

用法 (usage):
  npm run cli -- audit --ledger FILE [--ledger FILE ...] [--projects FILE] [--config FILE]
                       [--workspace FILE] [--township NAME --village NAME] [--map 字段=列名 ...]
                       [--encoding auto|utf-8|gb18030] [--sheet NAME] --out DIR

  --ledger FILE      账簿导出文件 .csv/.xlsx，可多个 (ledger export, repeatable)
  --projects FILE    项目文件：合同、验收、实测工程量 (projects: contract, acceptance, measurement)
  --config FILE      JSON 配置：map、encoding、township、village、rules (JSON config)
  --workspace FILE   工作区 SQLite 文件；再次调用可继续添加文件；缺省为临时文件
                     (workspace file; call again to add files; default: a temporary one)
  --township NAME    文件中没有“乡镇”列时指定 (when the file has no township column)
  --village NAME     文件中没有“村”列时指定 (when the file has no village column)
  --map 字段=列名     指定列对应的字段，例如 --map 凭证号=凭证编码 (map a field to a column)
  --encoding ENC     文件编码，缺省自动识别 UTF-8 / GB18030 (encoding; default: detected)
  --sheet NAME       .xlsx 的工作表，缺省第一个 (xlsx sheet; default: the first)
  --out DIR          输出目录：findings.json 和 leads/<乡镇>.csv (output directory)
  --cadres FILE      村干部名册：乡镇、村、姓名、职务、任职起、任职止 (officers roster)

${LEADS_HELP}
退出码 (exit codes): 0 成功 (ok), 2 输入有误，工作区未改动 (bad input, workspace unchanged), 1 其他错误 (other error)
`;

/** An engine refusal on stderr in both languages: bad input (exit 2) unless the engine itself failed (1). */
function reportEngineError(e: EngineError): number {
  const p = errorPayload(e);
  process.stderr.write(`${p.message}\n${p.messageEn}\n`);
  return p.code === 'invalid-arguments' || p.code === 'not-found' || p.code === 'conflict' ? 2 : 1;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  if (['review', 'leads', 'handoff', 'rectify'].includes(command)) {
    try {
      const o = await runLeadsCommand(command, rest);
      if (o.stdout.length) process.stdout.write(o.stdout.join('\n') + '\n');
      if (o.stderr.length) process.stderr.write(o.stderr.join('\n') + '\n');
      return o.exitCode;
    } catch (e) {
      if (e instanceof UsageError || String((e as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
        process.stderr.write(`${(e as Error).message}\n`);
        return 2;
      }
      if (e instanceof EngineError) return reportEngineError(e);
      throw e;
    }
  }
  if (command !== 'audit') {
    process.stderr.write(`未知命令“${command}” (unknown command)\n\n${HELP}`);
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
  if (!values.ledger?.length && !values.workspace) problems.push('需要至少一个 --ledger 或一个已有的 --workspace (need --ledger or an existing --workspace)');
  if (!values.out) problems.push('需要 --out DIR (--out DIR is required)');
  if (values.encoding && !['auto', 'utf-8', 'gb18030'].includes(values.encoding)) problems.push('--encoding 只能是 auto、utf-8 或 gb18030 (--encoding must be auto, utf-8 or gb18030)');
  if (problems.length) {
    process.stderr.write(`${problems.join('\n')}\n\n${HELP}`);
    return 2;
  }
  try {
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
    });
    if (outcome.stdout.length) process.stdout.write(outcome.stdout.join('\n') + '\n');
    if (outcome.stderr.length) process.stderr.write(outcome.stderr.join('\n') + '\n');
    return outcome.exitCode;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    if (e instanceof EngineError) return reportEngineError(e);
    process.stderr.write(`错误 (error): ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

const isMain = process.argv[1] && /cli\.(ts|js|mjs|cjs)$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
