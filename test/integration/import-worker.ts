// Worker thread for the workbook memory test (not a test file): imports workerData.file into
// workerData.workspace with the engine's heap limit, as the app's engine worker does, and posts
// the result's status, rows and the heap it peaked at.
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { AuditService } from '../../shared/service';

const { workspace, file } = workerData as { workspace: string; file: string };
const service = new AuditService();
await service.openWorkspace({ path: workspace, create: true });
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, getHeapStatistics().used_heap_size); }, 20);
const r = await service.importFile({ path: file, kind: 'ledger' });
clearInterval(timer);
peak = Math.max(peak, getHeapStatistics().used_heap_size);
await service.closeWorkspace();
parentPort?.postMessage({ status: r.status, rows: r.rowsImported, message: r.message, peakMb: Math.round(peak / 1024 / 1024) });
