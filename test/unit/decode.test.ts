// Bytes -> text -> rows: the stateful decoders, encoding detection, and readCsv's line numbers.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/ingest/csv-reader';
import { createDecoder, DecodeError, detectEncoding, hasUtf8Bom } from '../../shared/ingest/decode';
import { FileDecodeError, type RawRow } from '../../shared/ingest/table';
import { openTempService, tempDir } from '../helpers';

const gb = (s: string): Buffer => iconv.encode(s, 'gb18030');

/** Feeds `bytes` to a fresh decoder in pieces cut at `cuts` (byte offsets). */
function decodeInPieces(encoding: 'utf-8' | 'gb18030', bytes: Uint8Array, cuts: number[]): string {
  const d = createDecoder(encoding);
  let out = '';
  let from = 0;
  for (const c of [...cuts, bytes.length]) {
    out += d.write(bytes.subarray(from, c));
    from = c;
  }
  return out + d.end();
}

async function rowsOf(path: string, encoding?: 'utf-8' | 'gb18030' | 'auto'): Promise<{ rows: RawRow[]; encoding: string | null; lines: number }> {
  const rows: RawRow[] = [];
  const r = await readCsv(path, { encoding, onRow: (row) => void rows.push(row) });
  return { rows, encoding: r.encoding, lines: r.lines };
}

describe('stateful decoders', () => {
  // 赵 is 2 bytes in GB18030; U+20BB7 (𠮷, outside the BMP) is a 4-byte GB18030 sequence.
  const text = '乡镇,村\r\n石板冲乡,赵湾村\r\n𠮷,·\r\n';
  const bytes = gb(text);

  it('GB18030: every split point inside a 2- or 4-byte character gives the same text', () => {
    for (let cut = 1; cut < bytes.length; cut++) expect(decodeInPieces('gb18030', bytes, [cut])).toBe(text);
  });

  it('GB18030: one byte at a time', () => {
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(decodeInPieces('gb18030', bytes, cuts)).toBe(text);
  });

  it('the 4-byte sequence really is 4 bytes (so the splits above cut inside it)', () => {
    expect(gb('𠮷')).toHaveLength(4);
    expect(gb('赵')).toHaveLength(2);
  });

  it('UTF-8: every split point inside a 3- or 4-byte character gives the same text; the BOM is dropped', () => {
    const utf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    for (let cut = 1; cut < utf.length; cut++) expect(decodeInPieces('utf-8', utf, [cut])).toBe(text);
  });

  it('UTF-8: invalid bytes are an error, not U+FFFD', () => {
    const bad = Buffer.from([0x61, 0x2c, 0xff, 0x0a]);
    expect(() => decodeInPieces('utf-8', bad, [])).toThrow(DecodeError);
  });

  it('UTF-8: a character cut off at the end of the file is an error', () => {
    const cut = Buffer.from('赵', 'utf8').subarray(0, 2);
    expect(() => decodeInPieces('utf-8', cut, [])).toThrow(DecodeError);
  });
});

describe('encoding detection', () => {
  it('UTF-8 with BOM, UTF-8 without, GB18030', () => {
    const body = Buffer.from('乡镇,村,凭证日期\n石板冲乡,赵湾村,2018-03-05\n', 'utf8');
    expect(hasUtf8Bom(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]))).toBe(true);
    expect(hasUtf8Bom(body)).toBe(false);
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]))).toBe('utf-8');
    expect(detectEncoding(body)).toBe('utf-8');
    expect(detectEncoding(gb('乡镇,村,凭证日期\n石板冲乡,赵湾村,2018-03-05\n'))).toBe('gb18030');
  });

  it('a UTF-8 character cut off at the end of the sample is still UTF-8', () => {
    const body = Buffer.from('乡镇,村,赵湾村', 'utf8');
    expect(detectEncoding(body.subarray(0, body.length - 1))).toBe('utf-8');
  });

  it('pure ASCII is UTF-8', () => {
    expect(detectEncoding(Buffer.from('a,b,c\n1,2,3\n'))).toBe('utf-8');
  });
});

describe('readCsv', () => {
  const dir = tempDir('va-decode-');
  const write = (name: string, data: string | Buffer): string => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  it('reads a GB18030 file over 1 MiB whose chunk boundary falls inside a character', async () => {
    // Line 1 is the header; each later line is the same width, and the 1 MiB boundary is made
    // to fall on the second byte of a 2-byte character.
    const header = gb('乡镇,村,摘要\r\n');
    const line = (i: number): string => `石板冲乡,赵湾村,付村部电费第${String(i).padStart(6, '0')}笔\r\n`;
    const lineBytes = gb(line(0)).length;
    const parts: Buffer[] = [header];
    let size = header.length;
    let i = 0;
    // Fill to just before the boundary, then pad with ASCII so that a 2-byte character straddles it.
    while (size + lineBytes < 1 << 20) {
      parts.push(gb(line(++i)));
      size += lineBytes;
    }
    const pad = (1 << 20) - size - 1; // the boundary lands after the first byte of the next 赵
    const straddle = gb(`${'x'.repeat(pad)},赵湾村,边界行\r\n`);
    expect(straddle[pad + 1]).toBeGreaterThan(0x80); // 赵's first byte is the last byte of the chunk
    parts.push(straddle);
    const straddleLine = i + 2;
    for (let k = 0; k < 5000; k++) parts.push(gb(line(++i)));
    parts.push(gb('城南镇,袁店村,最后一行：𠮷\r\n'));
    const all = Buffer.concat(parts);
    expect(all.length).toBeGreaterThan(1 << 20);
    const path = write('big-gb18030.csv', all);

    const { rows, encoding, lines } = await rowsOf(path);
    expect(encoding).toBe('gb18030');
    const byLine = new Map(rows.map((r) => [r.line, r.cells]));
    expect(byLine.get(straddleLine)).toEqual(['x'.repeat(pad), '赵湾村', '边界行']);
    expect(byLine.get(straddleLine + 1)).toEqual(['石板冲乡', '赵湾村', `付村部电费第${String(straddleLine - 1).padStart(6, '0')}笔`]);
    expect(rows.at(-1)).toEqual({ line: i + 3, cells: ['城南镇', '袁店村', '最后一行：𠮷'] });
    expect(lines).toBe(i + 3);
    expect(rows.some((r) => r.cells.some((c) => String(c).includes('\ufffd')))).toBe(false);
  });

  it('GB18030: a chunk that starts with the last byte of a 4-byte character loses nothing after it', async () => {
    // The first 1 MiB chunk ends after 3 bytes of 𠮷; the second is its last byte, then ",xyz" (no final newline).
    const head = gb('乡镇,村\n');
    const fill = (1 << 20) - head.length - 3 - 1;
    const bytes = Buffer.concat([head, Buffer.from('a'.repeat(fill) + ','), gb('𠮷'), Buffer.from(',xyz')]);
    expect(bytes.length).toBe((1 << 20) + 5);
    const { rows } = await rowsOf(write('astral-gb18030.csv', bytes), 'gb18030');
    expect(rows[1]?.cells).toEqual(['a'.repeat(fill), '𠮷', 'xyz']);
  });

  it('UTF-8 with and without BOM give the same cells (the BOM is not part of the first header)', async () => {
    const body = '乡镇,村\n石板冲乡,赵湾村\n';
    const a = await rowsOf(write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)])));
    const b = await rowsOf(write('nobom.csv', body));
    expect(a.rows).toEqual(b.rows);
    expect(a.rows[0]?.cells[0]).toBe('乡镇');
    expect(a.encoding).toBe('utf-8');
  });

  it('CRLF and LF give the same rows and line numbers', async () => {
    const rows = [['a', 'b'], ['1', '2'], ['3', '4']];
    const lf = await rowsOf(write('lf.csv', rows.map((r) => r.join(',')).join('\n') + '\n'));
    const crlf = await rowsOf(write('crlf.csv', rows.map((r) => r.join(',')).join('\r\n') + '\r\n'));
    expect(crlf.rows).toEqual(lf.rows);
    expect(lf.rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(lf.rows[2]?.cells).toEqual(['3', '4']);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('quoted fields with commas, quotes and newlines keep later line numbers right (%s)', async (_name, nl) => {
    const text = ['a,b,c', '"1,5","say ""hi""",x', `"two${nl}lines",y,z`, 'plain,row,here', `"three${nl}line${nl}cell","a,b",""`, 'last,one,row'].join(nl) + nl;
    const { rows, lines } = await rowsOf(write(`quoted-${_name}.csv`, text));
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1,5', 'say "hi"', 'x'] },
      { line: 3, cells: [`two${nl}lines`, 'y', 'z'] },
      { line: 5, cells: ['plain', 'row', 'here'] },
      { line: 6, cells: [`three${nl}line${nl}cell`, 'a,b', ''] },
      { line: 9, cells: ['last', 'one', 'row'] },
    ]);
    expect(lines).toBe(9);
  });

  it('a quoted newline far down a >1 MiB file still gives the right line numbers after it', async () => {
    const parts = ['a,b\n'];
    for (let k = 0; k < 80_000; k++) parts.push(`row${k},"x, ""y"""\n`);
    parts.push('"multi\nline",z\n', 'after,multi\n');
    const text = parts.join('');
    expect(Buffer.byteLength(text)).toBeGreaterThan(1 << 20);
    const { rows } = await rowsOf(write('big-quoted.csv', text));
    expect(rows.at(-1)).toEqual({ line: 80_004, cells: ['after', 'multi'] });
    expect(rows.at(-2)).toEqual({ line: 80_002, cells: ['multi\nline', 'z'] });
  });

  it('auto-detects GB18030 and reads it; forcing UTF-8 on it is a decode error', async () => {
    const path = write('gbk.csv', gb('乡镇,村\n石板冲乡,赵湾村\n'));
    const r = await rowsOf(path, 'auto');
    expect(r.encoding).toBe('gb18030');
    expect(r.rows[1]?.cells).toEqual(['石板冲乡', '赵湾村']);
    await expect(rowsOf(path, 'utf-8')).rejects.toBeInstanceOf(FileDecodeError);
  });

  it('an invalid byte in a file forced to UTF-8 is reported at its own line', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n3,4\n5,', 'utf8'), Buffer.from([0xff]), Buffer.from('\n6,7\n')]);
    const path = write('bad-utf8.csv', bytes);
    const err = await rowsOf(path, 'utf-8').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(FileDecodeError);
    expect((err as FileDecodeError).line).toBe(4);
  });

  it('an invalid byte far down a >1 MiB UTF-8 file is reported at its own line', async () => {
    const parts: Buffer[] = [Buffer.from('乡镇,村\n')];
    for (let k = 0; k < 60_000; k++) parts.push(Buffer.from(`石板冲乡,赵湾村${k}\n`));
    parts.push(Buffer.from('坏,'), Buffer.from([0xc3, 0x28]), Buffer.from('\nok,ok\n'));
    const path = write('bad-utf8-big.csv', Buffer.concat(parts));
    const err = await rowsOf(path, 'utf-8').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(FileDecodeError);
    expect((err as FileDecodeError).line).toBe(60_002);
  });

  it('an import of such a file is rejected with a row error naming the line, and nothing is imported', async () => {
    const { service } = await openTempService();
    const text = Buffer.concat([
      Buffer.from('乡镇,村,凭证日期,凭证号,摘要,科目编码,科目名称,借方金额,贷方金额\n'),
      Buffer.from('石板冲乡,赵湾村,2018-03-05,记-1,购办公用品,541,管理费用,100.00,\n'),
      Buffer.from('石板冲乡,赵湾村,2018-03-05,记-1,购办公用品,101,现金,,100.00\n'),
      Buffer.from('石板冲乡,赵湾村,2018-03-06,记-2,'), Buffer.from([0xb9, 0xba]), Buffer.from('物,541,管理费用,5.00,\n'),
    ]);
    const path = write('bad-import.csv', text);
    const r = await service.importFile({ path, kind: 'ledger', encoding: 'utf-8' });
    expect(r.status).toBe('rejected');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'bad-import.csv', line: 4, code: 'row.decode' });
    expect(r.errors[0]?.message).toContain('UTF-8');
    expect((await service.workspaceInfo())?.lines).toBe(0);
    // The same lines all in GB18030 are detected as such and import.
    const gbPath = write('good-import-gb.csv', gb(text.toString('utf8').replace(/\ufffd+/, '购')));
    const ok = await service.importFile({ path: gbPath, kind: 'ledger' });
    expect(ok.status).toBe('imported');
    expect(ok.encoding).toBe('gb18030');
    expect(ok.rowsImported).toBe(3);
    await service.closeWorkspace();
  });

  it('bytes that are not GB18030 in a file forced to GB18030 are a decode error at their line', async () => {
    // 0x80 alone and 0xFF are not valid GB18030 lead bytes.
    const bytes = Buffer.concat([gb('乡镇,村\n石板冲乡,赵湾村\n'), Buffer.from([0x61, 0xff, 0x0a])]);
    const err = await rowsOf(write('bad-gb.csv', bytes), 'gb18030').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(FileDecodeError);
    expect((err as FileDecodeError).line).toBe(3);
  });

  it('tab-separated exports are read by their tabs', async () => {
    const { rows } = await rowsOf(write('tabs.txt', '乡镇\t村\t摘要\n石板冲乡\t赵湾村\t付电费, 含税\n'));
    expect(rows[1]?.cells).toEqual(['石板冲乡', '赵湾村', '付电费, 含税']);
  });
});
