// `npm run demo`: audits the sample district (石板冲乡 and 城南镇, 2016-2018) and prints the
// summary and where the files went.
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DISTRICT_DIR, FILES } from '../fixtures/district-files';
import { runAudit } from './cli-audit';
import { line } from './cli-text';
import { formatFen, parseMoney } from './format/money';
import { zh } from './i18n/messages';

const out = join(process.cwd(), 'out', 'demo');
const workspace = join(mkdtempSync(join(tmpdir(), 'village-audit-demo-')), 'demo.sqlite');
const outcome = await runAudit({
  ledgers: [join(DISTRICT_DIR, FILES.shibanchong), join(DISTRICT_DIR, FILES.chengnan), join(DISTRICT_DIR, FILES.shunhe)],
  projects: [join(DISTRICT_DIR, FILES.projects)],
  cadres: [join(DISTRICT_DIR, FILES.cadres)],
  workspace,
  out,
  map: [],
});
console.log(`${line('cli.demo.title')}\n`);
console.log(outcome.stdout.join('\n'));
if (outcome.stderr.length) console.error(outcome.stderr.join('\n'));
const { readFileSync } = await import('node:fs');
const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as { rule: string; village: string; amount: string; reason: string }[];
console.log(`\n${line('cli.demo.overpayments')}:`);
for (const f of findings.filter((x) => x.rule === 'payment-exceeds-acceptance')) {
  const m = parseMoney(f.amount);
  console.log(`  ${f.village}  ${m.ok ? formatFen(m.fen) : f.amount}  ${f.reason}`);
}
const next = `${line('cli.demo.next')}: `;
console.log(`\n${next}npm run cli -- review --workspace ${workspace} --all --decision confirmed --reviewer ${zh('cli.demo.reviewer')}`);
console.log(`${' '.repeat(next.length)}npm run cli -- leads --workspace ${workspace}  ·  npm run cli -- handoff --workspace ${workspace} --out out/handoff`);
process.exitCode = outcome.exitCode;
