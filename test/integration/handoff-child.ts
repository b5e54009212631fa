// Child process for the handoff kill test (not a test file): hands over every township of
// WORKSPACE into OUT and, while the first package's PDF is being "printed", prints "rendering"
// and blocks, its transaction open and files half written, until the parent kills it with SIGKILL.
import { writeSync } from 'node:fs';
import { AuditService } from '../../shared/service';

const [workspace, out] = process.argv.slice(2);
const service = new AuditService({
  renderPdf: async () => {
    writeSync(1, 'rendering\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    return Buffer.from('%PDF-1.4');
  },
});
await service.openWorkspace({ path: workspace as string });
const r = await service.handoffLeads({ dir: out as string, handedBy: '张审计' });
writeSync(1, `done ${r.length}\n`);
