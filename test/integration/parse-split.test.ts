// A big CSV ledger read on two cores (shared/workspace/parse-split.ts): the same lines, vouchers,
// texts and findings as read in one thread, whatever lies at the middle of the file: a voucher's
// lines on both sides, a quoted summary with a line break, continuation lines without their date
// and number. (VA_SPLIT_BYTES lets a test split a file of a few megabytes.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runningParseWorkers } from '../../shared/workspace/parse-client';
import type { AuditService } from '../../shared/service';
import { writeSyntheticLedger } from '../bench/synthetic';
import { openTempService, storedLines, tempDir } from '../helpers';

/** What a person sees of each stored line, in file order: everything but the line's id. */
async function lines(s: AuditService): Promise<string[]> {
  return storedLines((await s.workspaceInfo())!.path).sort((a, b) => a.line - b.line)
    .map((l) => [l.line, l.township, l.village, l.date, l.voucher, l.summary, l.accountCode, l.accountName, l.debitFen, l.creditFen, l.attachments, l.counterparty].join('|'));
}

async function findings(s: AuditService): Promise<unknown[]> {
  await s.runRules();
  return (await s.listFindings({ limit: 100_000 })).rows.map(({ id, amount, vouchers, sources }) => ({ id, amount, vouchers, sources: sources.map((x) => x.line) }));
}

describe('a ledger read on two cores', () => {
  const services: AuditService[] = [];
  afterEach(async () => {
    delete process.env.VA_SPLIT_BYTES;
    delete process.env.VA_PARSE_WORKER;
    for (const s of services.splice(0)) await s.closeWorkspace();
  });
  const importWith = async (file: string, mode: 'split' | 'inline') => {
    const { service } = await openTempService();
    services.push(service);
    if (mode === 'split') process.env.VA_SPLIT_BYTES = '1000000';
    else process.env.VA_PARSE_WORKER = '0';
    const r = await service.importFile({ path: file, kind: 'ledger' });
    delete process.env.VA_SPLIT_BYTES;
    delete process.env.VA_PARSE_WORKER;
    return { service, r };
  };

  it('stores what one thread stores and finds the same, a voucher straddling the middle included', async () => {
    const file = join(tempDir(), 'big.csv');
    await writeSyntheticLedger(file, 60_000);
    const split = await importWith(file, 'split');
    const inline = await importWith(file, 'inline');
    expect(split.r).toMatchObject({ status: 'imported', parser: 'workers', rowsImported: 60_000 });
    expect(inline.r).toMatchObject({ status: 'imported', parser: 'inline', rowsImported: 60_000 });
    expect(await lines(split.service)).toEqual(await lines(inline.service));
    expect(await findings(split.service)).toEqual(await findings(inline.service));
    // Both workers end by themselves once done (one left listening would keep the CLI from exiting).
    await vi.waitFor(() => expect(runningParseWorkers()).toBe(0), { timeout: 10_000 });
  });

  it('never starts the second part inside a quoted field or on a continuation line', async () => {
    const rows = ['乡镇,村,凭证日期,凭证号,摘要,科目名称,借方金额,贷方金额,附件张数'];
    for (let v = 1; v <= 40_000; v++) {
      // Every voucher: a summary quoted over two lines, then a continuation line without date or number.
      rows.push(`石板冲乡,赵湾村,2018-03-05,记-${v},"付款\n第${v}笔",管理费用,${v % 7 === 0 ? '100.00' : '20.00'},,${v % 5 === 0 ? 0 : 1}`);
      rows.push(`石板冲乡,赵湾村,,,"付款\n第${v}笔",现金,,${v % 7 === 0 ? '100.00' : '20.00'},`);
    }
    const file = join(tempDir(), 'quoted.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    const split = await importWith(file, 'split');
    const inline = await importWith(file, 'inline');
    expect(split.r).toMatchObject({ status: 'imported', parser: 'workers', rowsImported: 80_000, filledDown: 40_000 });
    expect(inline.r).toMatchObject({ status: 'imported', rowsImported: 80_000, filledDown: 40_000 });
    expect(await lines(split.service)).toEqual(await lines(inline.service));
    expect(await findings(split.service)).toEqual(await findings(inline.service));
  });

  it('reports a bad row in the second part at its own line, and imports nothing', async () => {
    const file = join(tempDir(), 'bad.csv');
    await writeSyntheticLedger(file, 60_000);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8').split('\n');
    text[50_000] = text[50_000]!.replace(/2016-|2017-|2018-/, '2018-13-');
    writeFileSync(file, text.join('\n'));
    const split = await importWith(file, 'split');
    expect(split.r.status).toBe('rejected');
    expect(split.r.errors.map((e) => e.line)).toEqual([50_001]);
    expect((await split.service.workspaceInfo())?.lines).toBe(0);
  });
});
