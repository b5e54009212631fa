// What lint enforces beyond style (eslint.config.js): the layers (eslint-layers.js), where a
// layer imports only the layers below it and the shell takes only contract, i18n and format;
// and no Chinese text in code outside the catalogue.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function refusals(filePath: string, code: string, rule = 'layers/imports'): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('layers', () => {
  it('lets a layer import the layers below it, and refuses the ones above', async () => {
    expect(await refusals('shared/rules/x.ts', "import type { Db } from '../workspace/db';\nimport { both } from '../i18n/messages';\nexport type { Db, both };\n")).toEqual([]);
    expect(await refusals('shared/workspace/x.ts', "import type { Rule } from '../rules/types';\nexport type { Rule };\n")).toEqual([expect.stringContaining('workspace may not import rules')]);
    expect(await refusals('shared/workspace/migrations/x.ts', "export * from '../../leads/store';\n")).toEqual([expect.stringContaining('workspace may not import leads')]);
    expect(await refusals('shared/i18n/x.ts', "export { formatFen } from '../format/money';\n")).toEqual([expect.stringContaining('i18n may not import format')]);
    expect(await refusals('shared/service.ts', "export { DISTRICT_DIR } from '../fixtures/district-files';\n")).toEqual([expect.stringContaining('may not import fixtures/district-files')]);
    expect(await refusals('shared/demo.ts', "export { DISTRICT_DIR } from '../fixtures/district-files';\nexport { AuditService } from './service';\n")).toEqual([]);
    expect(await refusals('shared/leads/x.ts', "export const f = () => import('../cli-audit');\n")).toEqual([expect.stringContaining('leads may not import cli')]);
    // Analytics stands between leads (the trail, the PDF path) and the service.
    expect(await refusals('shared/analytics/x.ts', "export { appendTrail } from '../leads/trail';\nexport { ledgerSnapshot } from '../workspace/ledger-snapshot';\n")).toEqual([]);
    expect(await refusals('shared/leads/x.ts', "export { pivot } from '../analytics/pivot';\n")).toEqual([expect.stringContaining('leads may not import analytics')]);
    expect(await refusals('shared/analytics/x.ts', "export { AuditService } from '../service';\n")).toEqual([expect.stringContaining('analytics may not import service')]);
  });

  it('lets the shell import only contract, i18n and format; its engine worker hosts the engine', async () => {
    expect(await refusals('electron/x.ts', "export { t } from '../shared/i18n/messages';\nexport { PDF_MARGINS_MM } from '../shared/format/print-layout';\nexport type { AuditResponse } from '../shared/contract/envelope';\n")).toEqual([]);
    expect(await refusals('electron/pdf.ts', "export { handoffHtml } from '../shared/leads/handoff-sheet';\n")).toEqual([expect.stringContaining('the shell may import only')]);
    expect(await refusals('electron/engine-worker.ts', "export { AuditService } from '../shared/service';\nexport { sampleDistrict } from '../fixtures/district-files';\n")).toEqual([]);
    expect(await refusals('electron/engine-worker.ts', "export { main } from '../shared/cli';\n")).toEqual([expect.stringContaining('engine worker may not import')]);
  });
});

describe('Chinese text in code', () => {
  const cjk = (filePath: string, code: string) => refusals(filePath, code, 'no-restricted-syntax');
  it('is refused in the engine, the shell and the renderer', async () => {
    expect(await cjk('shared/leads/x.ts', "export const a = '白条';\n")).toHaveLength(1);
    expect(await cjk('shared/rules/x.ts', 'export const f = (n: number) => `${n} 件`;\n')).toHaveLength(1);
    expect(await cjk('electron/x.ts', "export const sep = '、';\n")).toHaveLength(1);
    expect(await cjk('renderer/src/x.tsx', 'export const X = () => <b>合计</b>;\n')).toHaveLength(1);
    expect(await cjk('shared/leads/x.ts', "export const a = 'ok';\n// 注释可以写中文\n")).toEqual([]);
  });

  it('is allowed in the catalogue, the header aliases and tests', async () => {
    expect(await cjk('shared/i18n/messages-x.ts', "export const m = { 'x': { zh: '白条', en: 'IOU' } };\n")).toEqual([]);
    expect(await cjk('shared/ingest/fields.ts', "export const aliases = ['凭证号'];\n")).toEqual([]);
    expect(await cjk('shared/leads/x.test.ts', "export const a = '白条';\n")).toEqual([]);
  });
});
