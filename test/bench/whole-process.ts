// Whole-process figures, as the user runs them (issue 13): the CLI's `audit` (bundled, all rules,
// on-disk workspace, lead files) timed from outside with /usr/bin/time (wall seconds, peak RSS);
// the pandas reference (test/bench/pandas_reference.py: the first three checks in memory) on the
// same file in the same run; and the app's own path, the bundled engine worker with its 256 MB
// heap and the bundled parse worker, importing the same file and running the rules, with how
// its progress moved.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EngineClient, ENGINE_RESOURCE_LIMITS } from '../../electron/engine-client';

export interface Timed {
  seconds: number;
  /** Peak resident set size, MB (null where /usr/bin/time is not installed). */
  peakMB: number | null;
}

const TIME = '/usr/bin/time';

/** A command's wall time and peak RSS, measured from outside. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timed & { stdout: string } {
  if (existsSync(TIME)) {
    const r = spawnSync(TIME, ['-f', 'VA_TIME %e %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, env });
    const m = /VA_TIME ([\d.]+) (\d+)/.exec(r.stderr ?? '');
    if (r.status !== 0 || !m) throw new Error(`${cmd} failed: ${r.stderr}`);
    return { seconds: Number(m[1]), peakMB: Math.round(Number(m[2]) / 1024), stdout: r.stdout };
  }
  const t = performance.now();
  const stdout = execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, env });
  return { seconds: (performance.now() - t) / 1000, peakMB: null, stdout };
}

/**
 * `npm run cli -- audit --ledger FILE` without npm in front (npm's own start is not the CLI's).
 * `inThread`: with no parse worker (VA_PARSE_WORKER=0), the importer's thread parses the file itself.
 */
export function cliAudit(file: string, inThread = false): Timed {
  const dir = mkdtempSync(join(tmpdir(), 'va-bench-cli-'));
  try {
    // First run builds the CLI's bundle if it is stale; time the second, as a user's every run.
    execFileSync(process.execPath, ['shared/cli-launch.mjs', '--help'], { stdio: 'ignore' });
    const env = inThread ? { ...process.env, VA_PARSE_WORKER: '0' } : process.env;
    const { seconds, peakMB } = timed(process.execPath, ['shared/cli-launch.mjs', 'audit', '--ledger', file, '--workspace', join(dir, 'ws.sqlite'), '--out', join(dir, 'out')], env);
    return { seconds, peakMB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pandas reference on the same file; null where python3 has no pandas (apt-get install python3-pandas). */
export function pandasReference(file: string): Timed | null {
  const python = '/usr/bin/python3';
  if (!existsSync(python) || spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' }).status !== 0) return null;
  const { seconds, peakMB } = timed(python, ['test/bench/pandas_reference.py', file]);
  return { seconds, peakMB };
}

export interface AppImport {
  /** Where the engine parsed the file: 'inline' in its own thread, or on one or two parse workers. */
  parser: string;
  importSeconds: number;
  rulesSeconds: number;
  /** Progress reports during the import, the longest pause between two, and how far the last one got. */
  progressEvents: number;
  longestGapMs: number;
  lastFraction: number;
}

/** The app's path: the bundled engine worker (256 MB heap) with the bundled parse worker. */
export async function appImport(file: string): Promise<AppImport> {
  execFileSync(process.execPath, ['--import', 'tsx', 'electron/build.ts'], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'va-bench-app-'));
  const progress: { at: number; fraction: number }[] = [];
  const client = new EngineClient(() => new Worker(join(process.cwd(), 'dist-electron', 'engine-worker.cjs'), {
    workerData: { parseWorker: join(process.cwd(), 'dist-electron', 'parse-worker.cjs') },
    resourceLimits: ENGINE_RESOURCE_LIMITS,
    // As Electron starts it: without this process's TypeScript loader (tsx would compile the bundle again in the worker's heap).
    execArgv: [],
  }), (e) => {
    const ev = e as { type?: string; progress?: { bytesRead: number; totalBytes: number } };
    if (ev.type === 'import-progress' && ev.progress) progress.push({ at: performance.now(), fraction: ev.progress.bytesRead / Math.max(1, ev.progress.totalBytes) });
  });
  try {
    await client.call('openWorkspace', [{ path: join(dir, 'ws.sqlite'), create: true }]);
    const t0 = performance.now();
    const r = await client.call('importFile', [{ path: file, kind: 'ledger' }]);
    const t1 = performance.now();
    if (!r.ok || (r.value as { status: string }).status !== 'imported') throw new Error(`app import failed: ${JSON.stringify(r)}`);
    const rules = await client.call('runRules', []);
    const t2 = performance.now();
    if (!rules.ok) throw new Error(`app rules failed: ${JSON.stringify(rules)}`);
    const times = [t0, ...progress.map((p) => p.at), t1];
    let gap = 0;
    for (let i = 1; i < times.length; i++) gap = Math.max(gap, (times[i] as number) - (times[i - 1] as number));
    return {
      parser: (r.value as { parser: string }).parser, importSeconds: (t1 - t0) / 1000, rulesSeconds: (t2 - t1) / 1000, progressEvents: progress.length, longestGapMs: Math.round(gap),
      lastFraction: progress.at(-1)?.fraction ?? 0,
    };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
