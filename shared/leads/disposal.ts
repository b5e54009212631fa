// Disposal: audit offices require the data destroyed from the laptops when the project ends.
// Allowed only after a final work package was exported from this workspace and is still there,
// byte for byte (its SHA-256 as recorded at export): the work is safe elsewhere. Then the
// workspace file (with its WAL and shared memory), its evidence folder and, if asked, the
// original files it imported (only those whose bytes are still the ones imported) are overwritten
// with zeros and deleted, and a record of what was destroyed is written beside the package. The
// final package's own trail says the laptop's data was to be destroyed, so the workspace that
// merges it keeps that record.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DisposalResult } from '../contract';
import { EngineError } from '../i18n/errors';
import { t } from '../i18n/messages';
import type { Db } from '../workspace/db';

const sha256File = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

export interface DisposalPlan {
  packagePath: string;
  packageSha256: string;
  packageName: string;
  files: string[];
}

/** What disposal will destroy, after checking the final package; refuses when there is none or it changed. */
export function planDisposal(db: Db, o: { workspace: string; evidenceDir: string; packagePath: string; originals: boolean }): DisposalPlan {
  if (!existsSync(o.packagePath) || !statSync(o.packagePath).isFile()) throw new EngineError('not-found', 'package.err.not-found', { path: o.packagePath });
  const sha = sha256File(o.packagePath);
  const rec = db.prepare<[string], { name: string }>("SELECT name FROM packages WHERE direction = 'export' AND final = 1 AND sha256 = ? ORDER BY id DESC LIMIT 1").get(sha);
  if (!rec) throw new EngineError('conflict', 'dispose.err.no-final', { name: basename(o.packagePath) });
  const files = [o.workspace, `${o.workspace}-wal`, `${o.workspace}-shm`].filter((p) => existsSync(p));
  if (existsSync(o.evidenceDir)) for (const f of readdirSync(o.evidenceDir)) files.push(join(o.evidenceDir, f));
  if (o.originals) {
    const originals = db.prepare<[], { path: string; sha256: string }>("SELECT DISTINCT path, sha256 FROM source_files WHERE format <> '' UNION SELECT path, sha256 FROM cadre_files").all();
    for (const f of originals) if (existsSync(f.path) && statSync(f.path).isFile() && sha256File(f.path) === f.sha256 && !files.includes(f.path)) files.push(f.path);
  }
  return { packagePath: o.packagePath, packageSha256: sha, packageName: rec.name, files };
}

/** Overwrites a file with zeros, flushes it to disk and deletes it. */
export function shred(path: string): number {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(path);
  return size;
}

/** Destroys what the plan lists (the workspace must be closed) and writes the record beside the package. */
export function carryOutDisposal(plan: DisposalPlan, o: { workspace: string; evidenceDir: string; actor: string; now: string }): DisposalResult {
  const destroyed = plan.files.filter((p) => existsSync(p)).map((p) => ({ path: p, size: shred(p) }));
  if (existsSync(o.evidenceDir)) rmSync(o.evidenceDir, { recursive: true, force: true });
  const certificate = join(dirname(plan.packagePath), t('zh', 'dispose.certificate-name', { name: basename(o.workspace) }));
  const params = { at: o.now, actor: o.actor, workspace: o.workspace, package: plan.packageName, sha256: plan.packageSha256, count: destroyed.length };
  const lines = [t('zh', 'dispose.certificate', params), t('en', 'dispose.certificate', params), '', ...destroyed.map((d) => `${d.path}\t${d.size}`)];
  writeFileSync(certificate, `\ufeff${lines.join('\r\n')}\r\n`);
  return { packagePath: plan.packagePath, packageSha256: plan.packageSha256, destroyed, certificate };
}
