// A 100,000-row workbook (~6 MB) imports inside a worker with the app's engine heap limit
// (256 MB): the sheet is streamed row by row, never held whole (it used to die with
// ERR_WORKER_OUT_OF_MEMORY). Written with exceljs's streaming writer, as a township export would be.
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ENGINE_RESOURCE_LIMITS } from '../../electron/engine-client';
import { tempDir } from '../helpers';

async function writeBigWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('明细账');
  ws.addRow(['乡镇', '村名', '凭证日期', '凭证字', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '附件张数', '对方单位']).commit();
  for (let i = 0; i < rows; i += 2) {
    const date = new Date(Date.UTC(2018, (i >> 1) % 12, 1 + ((i >> 1) % 28)));
    const no = String((i >> 1) % 9000 + 1).padStart(4, '0');
    const amount = 100 + ((i * 37) % 99000) / 100;
    ws.addRow(['石板冲乡', `第${(i >> 1) % 40}村`, date, '记', no, `购办公用品${i % 3000}`, '54101', '管理费用-办公费', amount, null, 1, `文具店${i % 800}`]).commit();
    ws.addRow(['石板冲乡', `第${(i >> 1) % 40}村`, date, '记', no, `购办公用品${i % 3000}`, '101', '现金', null, amount, null, '']).commit();
  }
  ws.commit();
  await wb.commit();
}

describe('a big workbook in the engine worker', () => {
  it('imports 100,000 rows of .xlsx within the engine heap limit', async () => {
    const dir = tempDir();
    const file = join(dir, '石板冲乡-明细账.xlsx');
    await writeBigWorkbook(file, 100_000);
    expect(statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), {
      workerData: { workspace: join(dir, 'ws.sqlite'), file },
      execArgv: ['--import', 'tsx'],
      resourceLimits: ENGINE_RESOURCE_LIMITS,
    });
    const result = await new Promise<{ status: string; rows: number; message: string; peakMb: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
    await worker.terminate();
    expect(result.status, result.message).toBe('imported');
    expect(result.rows).toBe(100_000);
    expect(result.peakMb).toBeLessThan(ENGINE_RESOURCE_LIMITS.maxOldGenerationSizeMb);
  });
});
