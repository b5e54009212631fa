// Reads the sheets of an .xlsx workbook row by row (xlsx-package.ts), in workbook order, so a
// 100,000-row workbook fits the engine's 256 MB heap and a sheet without a header costs nothing
// to pass over.
import { XlsxPackage } from './xlsx-package';
import { CancelledError, noSheet, type ReadOptions, type ReadResult } from './table';

export async function readXlsx(path: string, file: string, size: number, opts: ReadOptions): Promise<ReadResult> {
  const book = await XlsxPackage.open(path, file);
  try {
    const names = book.sheets.map((s) => s.name);
    if (opts.sheet !== undefined && !names.includes(opts.sheet)) throw noSheet(file, opts.sheet, names);
    const wanted = book.sheets.filter((s) => opts.sheet === undefined || s.name === opts.sheet);
    // Progress: the share of the sheets' unpacked XML read so far, in terms of the file's size.
    const total = Math.max(1, wanted.reduce((n, s) => n + book.partSize(s), 0));
    let done = 0;
    let lines = 0;
    let rows = 0;
    let stopped = false;
    for (const sheet of wanted) {
      opts.onTable?.({ sheet: sheet.name });
      const before = done;
      await book.readSheet(sheet, (line, cells) => {
        if (opts.signal?.aborted) throw new CancelledError();
        lines = Math.max(lines, line);
        if (++rows % 5000 === 0) opts.onProgress?.({ bytesRead: Math.min(size, Math.round((size * done) / total)), totalBytes: size, lines: rows });
        const answer = opts.onRow({ line, cells });
        if (answer === false) stopped = true;
        return answer !== false && answer !== 'skip-table';
      }, (n) => { done += n; });
      done = before + book.partSize(sheet);
      if (stopped) break;
    }
    opts.onProgress?.({ bytesRead: size, totalBytes: size, lines: rows });
    return { format: 'xlsx', encoding: null, sheets: names, size, lines, complete: !stopped };
  } finally {
    book.close();
  }
}
