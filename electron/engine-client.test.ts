// The engine in a real worker thread: calls answer with envelopes, engine errors arrive as
// errors, and a dying worker fails its pending calls and is started again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test/helpers';
import { EngineClient } from './engine-client';

vi.mock('electron', () => ({}));

const workerFile = new URL('./engine-worker.ts', import.meta.url);
const tsWorker = (): Worker => new Worker(workerFile, { execArgv: ['--import', 'tsx'] });

describe('engine worker', () => {
  let client: EngineClient | null = null;
  afterEach(async () => client?.stop());

  it('runs the engine and forwards its events', async () => {
    const events: unknown[] = [];
    client = new EngineClient(tsWorker, (e) => events.push(e));
    const dir = tempDir();
    const ledger = join(dir, 'l.csv');
    writeFileSync(ledger, '乡镇,村,凭证日期,凭证号,摘要,科目名称,借方金额,贷方金额,附件张数\n石板冲乡,赵湾村,2018-03-05,记-1,付工钱,其他支出,100.00,,0\n石板冲乡,赵湾村,2018-03-05,记-1,付工钱,银行存款,,100.00,0\n');
    expect(await client.call('openWorkspace', [{ path: join(dir, 'ws.sqlite') }])).toMatchObject({ ok: true });
    expect(await client.call('importFile', [{ path: ledger, kind: 'ledger' }])).toMatchObject({ ok: true, value: { status: 'imported', rowsImported: 2 } });
    expect(events.some((e) => (e as { type: string }).type === 'import-progress')).toBe(true);
    expect(await client.call('runRules', [])).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('answers an engine error as an error envelope', async () => {
    client = new EngineClient(tsWorker);
    const r = await client.call('listFiles', []);
    expect(r).toMatchObject({ ok: false, error: { code: 'no-workspace', message: '尚未打开工作区', messageEn: 'No workspace is open' } });
  });

  it('has main print the handoff PDF, and a failed print reaches the caller as an error', async () => {
    const dir = tempDir();
    const printed: string[] = [];
    let fail = false;
    const renderPdf = async (html: string): Promise<Uint8Array> => {
      if (fail) throw new Error('printer on fire');
      printed.push(html);
      return new TextEncoder().encode('%PDF-stub');
    };
    client = new EngineClient(() => new Worker(workerFile, { execArgv: ['--import', 'tsx'], workerData: { sampleWorkspacePath: join(dir, 'sample.sqlite') } }), undefined, renderPdf);
    expect(await client.call('openSampleDistrict', [])).toMatchObject({ ok: true });
    const page = await client.call('listFindings', [{ limit: 2, rule: ['payment-exceeds-acceptance'] }]);
    const [id, other] = page.ok ? (page.value as { rows: { id: string }[] }).rows.map((f) => f.id) : [];
    expect(await client.call('reviewFindings', [{ ids: [id], decision: 'confirmed', reviewer: '张三' }])).toEqual({ ok: true, value: 1 });
    expect(await client.call('buildCaseLeads', [{ actor: '张三' }])).toMatchObject({ ok: true, value: [expect.any(String)] });
    const r = await client.call('handoffLeads', [{ dir: join(dir, 'out'), handedBy: '张三' }]);
    expect(r.ok).toBe(true);
    const pdf = r.ok ? (r.value as { files: { kind: string; path: string }[] }[])[0]!.files.find((f) => f.kind === 'pdf') : undefined;
    expect(readFileSync(pdf!.path, 'utf8')).toBe('%PDF-stub');
    expect(printed[0]).toContain('纪委');
    // A new lead to hand over (the first is held by its commission now), and the printer fails.
    await client.call('reviewFindings', [{ ids: [other], decision: 'confirmed', reviewer: '张三' }]);
    expect(await client.call('buildCaseLeads', [{ actor: '张三' }])).toMatchObject({ ok: true, value: [expect.any(String)] });
    fail = true;
    expect(await client.call('handoffLeads', [{ dir: join(dir, 'out2'), handedBy: '张三' }])).toMatchObject({ ok: false, error: { code: 'engine-error', messageEn: expect.stringContaining('printer on fire') } });
  });

  it('fails pending calls when the worker dies, then starts a new one', async () => {
    const dir = tempDir();
    const crashing = join(dir, 'crash.cjs');
    writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));");
    let n = 0;
    client = new EngineClient(() => (n++ === 0 ? new Worker(crashing) : tsWorker()));
    const r = await client.call('listFiles', []);
    expect(r).toMatchObject({ ok: false, error: { code: 'engine-error' } });
    expect(await client.call('workspaceInfo', [])).toEqual({ ok: true, value: null });
    expect(n).toBe(2);
  });
  it('reopens the open workspace in the restarted worker, but only once', async () => {
    const dir = tempDir();
    const path = join(dir, 'ws.sqlite');
    const crashing = join(dir, 'crash.cjs');
    writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));");
    let n = 0;
    // 1: works; 2: works after a crash; 3: dies while reopening; 4: starts clean.
    client = new EngineClient(() => (++n === 3 ? new Worker(crashing) : tsWorker()));
    const crash = async (): Promise<void> => {
      await (client as unknown as { worker: Worker }).worker.terminate();
      await new Promise((r) => setImmediate(r));
    };
    expect(await client.call('openWorkspace', [{ path }])).toMatchObject({ ok: true });
    await crash();
    expect(await client.call('workspaceInfo', [])).toMatchObject({ ok: true, value: { path } });
    await crash();
    expect(await client.call('workspaceInfo', [])).toMatchObject({ ok: false, error: { code: 'engine-error' } });
    expect(await client.call('workspaceInfo', [])).toEqual({ ok: true, value: null });
    expect(n).toBe(4);
  });
});
