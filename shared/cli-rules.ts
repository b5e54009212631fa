// `rules`: every rule with its id, title, policy, the data it needs and its settings (their
// defaults, or the settings in force in --workspace); `--json` for machines.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Outcome } from './cli-leads';
import { clip, line, padDisplay } from './cli-text';
import { EngineError } from './i18n/errors';
import { t, zh } from './i18n/messages';
import { RULES } from './rules';
import { dataLabel, describeRule, settingValue } from './rules/describe';
import { AuditService } from './service';

export { RULES_HELP } from './cli-help';

export async function runRulesCommand(args: string[], service = new AuditService(), secrets: { password?: string } = {}): Promise<Outcome> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, workspace: { type: 'string' }, 'password-stdin': { type: 'boolean' } }, strict: true, allowPositionals: false });
  let inForce: Map<string, Record<string, unknown>> | null = null;
  if (values.workspace) {
    const path = resolve(values.workspace);
    if (!existsSync(path)) throw new EngineError('invalid-arguments', 'cli.err.no-workspace', { path });
    await service.openWorkspace({ path, password: secrets.password });
    try {
      inForce = new Map((await service.listRules()).map((r) => [r.id, r.settings]));
    } finally {
      await service.closeWorkspace();
    }
  }
  const rules = RULES.map((rule) => {
    const d = describeRule(rule);
    const settings = inForce?.get(rule.id) ?? rule.defaults;
    return {
      id: d.id, title: d.title.zh, titleEn: d.title.en, policy: d.policy.zh, policyEn: d.policy.en,
      detects: d.detects.zh, detectsEn: d.detects.en, blindSpots: d.blindSpots.zh, blindSpotsEn: d.blindSpots.en,
      needs: rule.needs, uses: rule.uses ?? [], page: `docs/rules/${d.id}.md`,
      settings: d.settings.map((s) => ({ key: s.key, value: settings[s.key], default: s.default, meaning: s.meaning.zh, meaningEn: s.meaning.en })),
    };
  });
  if (values.json) return { exitCode: 0, stdout: [JSON.stringify(rules, null, 2)], stderr: [] };
  const out: string[] = [];
  for (const r of rules) {
    const weight = r.settings.find((s) => s.key === 'weight')?.value;
    const off = r.settings.find((s) => s.key === 'enabled')?.value === false;
    out.push(`${r.id}  ${r.title} (${r.titleEn})  ${zh('cli.rules.weight', { weight: String(weight) })}${off ? `  [${line('cli.rules.off')}]` : ''}`);
    out.push(`  ${zh('cli.rules.policy')}: ${r.policy}`, `  ${t('en', 'cli.rules.policy')}: ${r.policyEn}`);
    const needs = r.needs.length ? r.needs.map((n) => dataLabel(n).zh).join(zh('fmt.list')) : zh('rule.needs.ledger');
    out.push(`  ${line('cli.rules.needs')}: ${needs}${r.uses.length ? `${zh('fmt.items')}${zh('cli.rules.uses')}${r.uses.map((n) => dataLabel(n).zh).join(zh('fmt.list'))}` : ''}`);
    out.push(`  ${line('cli.rules.settings')}:`);
    for (const s of r.settings) {
      const value = settingValue(s.key, s.value).zh;
      const changed = JSON.stringify(s.value) !== JSON.stringify(s.default) ? `  (${zh('cli.rules.default', { value: settingValue(s.key, s.default).zh })})` : '';
      out.push(`    ${padDisplay(s.key, 18)} ${padDisplay(clip(value, 40), 42)} ${s.meaning}${changed}`);
    }
    out.push(`  ${line('cli.rules.page')}: ${r.page}`, '');
  }
  return { exitCode: 0, stdout: out, stderr: [] };
}
