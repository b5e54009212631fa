// The help of the lead commands, apart from their code: `--help` prints it without loading the engine.
import { PIVOT_DIMENSIONS, RECT_PROGRESS } from './contract';
import { line } from './cli-text';
import { zh } from './i18n/messages';

const INDENT = ' '.repeat(24);
export const LEADS_HELP = `  npm run cli -- review --workspace FILE (--finding ID ... | --all) --decision confirmed|dismissed|pending
${INDENT}--reviewer NAME [--note TEXT] [--correct-leads]
${INDENT}${line('cli.help.review')}
  npm run cli -- leads --workspace FILE [--actor NAME] [--source TEXT] [--cadres FILE]
${INDENT}${line('cli.help.leads')}
  npm run cli -- handoff --workspace FILE --out DIR [--township NAME] [--by NAME] [--from UNIT] [--no-pdf]
${INDENT}${line('cli.help.handoff')}
  npm run cli -- rectify --workspace FILE (--lead NUMBER | --item ID) [--measures TEXT] [--due YYYY-MM-DD]
${INDENT}[--progress ${RECT_PROGRESS.join('|')}] [--recovered ${zh('cli.help.amount-arg')}] [--evidence FILE] [--close] [--note TEXT]
${INDENT}[--by NAME] [--export FILE.xlsx]
${INDENT}${line('cli.help.rectify')}
  npm run cli -- verify --workspace FILE
${INDENT}${line('cli.help.verify')}
  npm run cli -- password --workspace FILE
${INDENT}${line('cli.help.password')}
${INDENT}${line('cli.help.password-input')}
  npm run cli -- package export --workspace FILE --out FILE.vapkg [--village ${zh('doc.township')}/${zh('doc.village')} ...] [--final] [--by NAME]
${INDENT}${line('cli.help.package-export')}
  npm run cli -- package import --workspace FILE --file FILE.vapkg [--by NAME] [--create]
${INDENT}${line('cli.help.package-import')}
${INDENT}${line('cli.help.package-password')}
  npm run cli -- conflicts --workspace FILE [--all]
${INDENT}${line('cli.help.conflicts')}
  npm run cli -- resolve --workspace FILE --conflict ID (--decision confirmed|dismissed [--note TEXT] [--correct-leads] | --keep) [--by NAME]
${INDENT}${line('cli.help.resolve')}
  npm run cli -- rollup --workspace FILE [--export FILE.xlsx]
${INDENT}${line('cli.help.rollup')}
  npm run cli -- dispose --workspace FILE --package FILE.vapkg [--originals] [--by NAME]
${INDENT}${line('cli.help.dispose')}
`;


export const ANALYTICS_HELP = `  npm run cli -- export-findings --workspace FILE --out FILE.xlsx|FILE.csv [--rule ID] [--township NAME] [--village NAME]
${INDENT}[--status pending|confirmed|dismissed] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--text WORDS]
${INDENT}[--sort date|amount|rule|township|village|status[:desc]] [--lang zh|en]
${INDENT}${line('cli.analytics.help.export-findings')}
  npm run cli -- summary --workspace FILE --by ${PIVOT_DIMENSIONS.join('|')} [--columns DIM] [--of ledger|findings]
${INDENT}[--measure debit|credit|net] [--township NAME] [--village NAME] [--account CODE] [--from] [--to] [--out FILE.xlsx|FILE.csv]
${INDENT}${line('cli.analytics.help.summary')}
  npm run cli -- sample --workspace FILE (--method random|mus --size N [--seed N] [--township NAME] [--village NAME] [--from] [--to]
${INDENT}[--min ${zh('cli.help.amount-arg')}] [--account CODE] | --extend ID --add N | --list) [--by NAME] [--out FILE.xlsx|FILE.csv]
${INDENT}${line('cli.analytics.help.sample')}
  npm run cli -- context --workspace FILE (--finding ID | --line ID | --project CODE) [--before N] [--after N]
${INDENT}${line('cli.analytics.help.context')}
`;


export const ANALYTICS_COMMANDS = ['export-findings', 'summary', 'sample', 'context'];

export const RULES_HELP = `  npm run cli -- rules [--json] [--workspace FILE]
${INDENT}${line('cli.help.rules')}
`;
