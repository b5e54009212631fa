// Child process for the kill test (not a test file): imports FILE into WORKSPACE and, once the
// import has read MIN_BYTES, prints "progress" and blocks inside the import, its transaction open,
// until the parent kills it with SIGKILL.
import { writeSync } from 'node:fs';
import { AuditService } from '../../shared/service';

const [workspace, file, minBytes] = process.argv.slice(2);
let told = false;
const service = new AuditService({
  onEvent: (e) => {
    if (e.type !== 'import-progress' || told || e.progress.bytesRead < Number(minBytes)) return;
    told = true;
    writeSync(1, `progress ${e.progress.bytesRead} ${e.progress.lines}\n`);
    // Block right here, mid-import: the parent kills us while the rows are in an open transaction.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  },
});
await service.openWorkspace({ path: workspace as string, create: true });
const r = await service.importFile({ path: file as string, kind: 'ledger' });
writeSync(1, `done ${r.status}\n`);
