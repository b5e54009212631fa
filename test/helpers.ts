// Shared test helpers: a fresh workspace in a temp dir and the sample district's paths.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISTRICT_DIR, FILES } from '../fixtures/generate';
import { AuditService } from '../shared/service';

export const district = {
  shibanchong: join(DISTRICT_DIR, FILES.shibanchong),
  chengnan: join(DISTRICT_DIR, FILES.chengnan),
  projects: join(DISTRICT_DIR, FILES.projects),
  expected: join(DISTRICT_DIR, FILES.expected),
};

export function tempDir(prefix = 'va-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function openTempService(): Promise<{ service: AuditService; dir: string; path: string }> {
  const dir = tempDir();
  const path = join(dir, 'ws.sqlite');
  const service = new AuditService({ now: () => '2026-11-25T08:00:00.000Z' });
  await service.openWorkspace({ path, create: true });
  return { service, dir, path };
}

export async function importDistrict(service: AuditService): Promise<void> {
  const r = await service.importBatch([
    { path: district.shibanchong, kind: 'ledger' },
    { path: district.chengnan, kind: 'ledger' },
    { path: district.projects, kind: 'projects' },
  ]);
  if (!r.ok) throw new Error(JSON.stringify(r.results.at(-1), null, 2));
}
