// The help of the lead commands, apart from their code: `--help` prints it without loading the engine.
import { RECT_PROGRESS } from './contract';
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
`;

