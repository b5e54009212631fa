// The packaged app: bundle it as `npm run build:electron` does; main's bundle holds the shell and
// no engine; start the bundled worker the way main does, and audit the sample district through it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DISTRICT_DIR } from '../fixtures/district-files';
import { tempDir } from '../test/helpers';
import { writeSyntheticLedger } from '../test/bench/synthetic';
import { EngineClient, ENGINE_RESOURCE_LIMITS } from './engine-client';

vi.mock('electron', () => ({}));

beforeAll(() => {
  execFileSync(process.execPath, ['--import', 'tsx', 'electron/build.ts'], { stdio: 'ignore' });
});

describe('bundled main process', () => {
  it('holds the shell and what it may use of shared/ (contract, i18n, format), no engine code', () => {
    const main = readFileSync('dist-electron/main.cjs', 'utf8');
    // Everything main's bundle was made of, as its source map lists it.
    const sources = (JSON.parse(readFileSync('dist-electron/main.cjs.map', 'utf8')) as { sources: string[] }).sources
      .map((s) => s.replace(/^(\.\.\/)+/, ''));
    const places = [...new Set(sources.map((s) => s.replace(/^(node_modules\/[^/]+|shared\/[^/]+|[^/]+)\/.*$/, '$1')))].sort();
    expect(places).toEqual(['electron', 'node_modules/zod', 'shared/contract', 'shared/format', 'shared/i18n']);
    expect(sources.filter((s) => s.startsWith('shared/format/'))).toEqual(['shared/format/print-layout.ts']);
    expect(main).not.toMatch(/require\("better-sqlite3-multiple-ciphers"\)/);
    for (const engineOnly of ['exceljs', 'papaparse', 'iconv-lite', 'playwright-core', 'loadVoucherGroups', 'computeLead', 'AuditService']) expect(main, engineOnly).not.toContain(engineOnly);
    // Most of it is the message catalogue in both languages (the menu and dialogs are titled from it); the engine was 4 MB.
    expect(main.length).toBeLessThan(500_000);
  });
});

describe('bundled engine worker', () => {
  let client: EngineClient | null = null;
  afterAll(async () => client?.stop());

  it('opens the sample district from the resources folder and finds the 裕民路 overpayment', async () => {
    const preload = execFileSync('grep', ['-o', 'require("[^"]*")', 'dist-electron/preload.cjs'], { encoding: 'utf8' });
    expect([...new Set(preload.trim().split('\n'))]).toEqual(['require("electron")']);
    // Everything else is inlined: only the native module (packaged unpacked) and the CLI's PDF
    // printer (never loaded in the app, see electron/pdf.ts) stay outside the worker's bundle.
    const workerSrc = readFileSync('dist-electron/engine-worker.cjs', 'utf8');
    const external = [...new Set([...workerSrc.matchAll(/(?:require|import)\("([^"]+)"\)/g)].map((m) => m[1]!.replace(/^node:/, '')))].filter((n) => !builtinModules.includes(n));
    expect(external.sort()).toEqual(['better-sqlite3-multiple-ciphers', 'playwright-core']);
    const parseWorker = join(process.cwd(), 'dist-electron', 'parse-worker.cjs');
    const parseSrc = readFileSync(parseWorker, 'utf8');
    expect([...parseSrc.matchAll(/(?:require|import)\("([^"]+)"\)/g)].map((m) => m[1]!.replace(/^node:/, '')).filter((n) => !builtinModules.includes(n))).toEqual([]);
    client = new EngineClient(() => new Worker(join(process.cwd(), 'dist-electron', 'engine-worker.cjs'), {
      workerData: { sampleDir: DISTRICT_DIR, sampleWorkspacePath: join(tempDir(), 'sample.sqlite'), parseWorker },
      resourceLimits: ENGINE_RESOURCE_LIMITS,
    }));
    expect(await client.call('openSampleDistrict', [])).toMatchObject({ ok: true, value: { files: 4 } });
    const r = await client.call('listFindings', [{ rule: ['payment-exceeds-acceptance'], text: '裕民路' }]);
    expect(r).toMatchObject({ ok: true, value: { total: 1, rows: [{ amount: '46200.00', village: '赵湾村' }] } });
    // A ledger big enough for the bundled parse worker.
    const big = join(tempDir(), 'big.csv');
    await writeSyntheticLedger(big, 60_000);
    const imported = await client.call('importFile', [{ path: big, kind: 'ledger' }]);
    expect(imported).toMatchObject({ ok: true, value: { status: 'imported', rowsImported: 60_000, parser: 'worker' } });
  });
});
