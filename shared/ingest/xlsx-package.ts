// An .xlsx package opened by its zip directory (yauzl): parts are read in whatever order is needed
// (shared strings and styles before any sheet, sheets in workbook order) however the writer
// stored them, and a sheet is streamed through an XML parser (saxes) row by row. Before anything
// is unpacked it is checked: a zip at all, a workbook in it, nothing encrypted, no part far larger
// unpacked than packed (a zip bomb), a shared-string table the engine's 256 MB heap can hold.
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { FileRejectedError, type Cell } from './table';

/** Unpacked, a workbook's parts together may take this much. */
export const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;
/** The shared strings are held in memory while rows are read. */
export const MAX_SHARED_STRINGS_BYTES = 64 * 1024 ** 2;
/** XML packs well, but not this well: past this ratio (on a part over 1 MB unpacked) it is a bomb. */
export const MAX_RATIO = 200;

export interface WorkbookSheet {
  name: string;
  /** The part the sheet is in: xl/worksheets/sheet3.xml. */
  part: string | null;
}

type Reject = 'import.corrupt-xlsx' | 'import.encrypted' | 'import.zip-bomb' | 'import.shared-strings';
const fail = (key: Reject, file: string, extra: Record<string, string | number> = {}): FileRejectedError => FileRejectedError.of(key, { file, ...extra });

const unescape = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) =>
  dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? m);

function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1] as string] = unescape(m[2] as string);
  return out;
}

/** A relationship target relative to xl/ (or absolute from the package root) as a part name. */
function partName(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

/** Sheet names in workbook order and the part each is in; whether dates count from 1904. */
export function workbookOf(workbookXml: string, relsXml: string): { sheets: WorkbookSheet[]; date1904: boolean } {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target);
  }
  const sheets: WorkbookSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (a.name !== undefined) sheets.push({ name: a.name, part: target ? partName(target) : null });
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  return { sheets, date1904: pr ? ['1', 'true'].includes(attrsOf(pr[0]).date1904 ?? '') : false };
}

/** Number formats that show a date: the built-in ids, and custom codes with y/d/年/月/日 outside quotes and brackets. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[yd年日]/i.test(bare);
}

/** Which cell styles (the `s` index) format their numbers as dates. */
export function dateStylesOf(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const a = attrsOf(m[0]);
    if (a.numFmtId && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const out = new Set<number>();
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attrsOf(m[0]).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) out.add(i);
    i++;
  }
  return out;
}

/** Excel's serial day (1900 system; 1904 when the workbook says so) as a UTC date. */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86400000));
}

/** `AB12` -> column 27 (0-based). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export class XlsxPackage {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly file: string,
    readonly sheets: WorkbookSheet[],
    private readonly date1904: boolean,
    private readonly sharedStrings: string[],
    private readonly dateStyles: Set<number>,
  ) {}

  /** Opens and checks a package, and reads what every sheet needs: names, shared strings, date styles. */
  static async open(path: string, file: string): Promise<XlsxPackage> {
    let zip: yauzl.ZipFile;
    try {
      zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => (e || !z ? reject(e) : resolve(z))));
    } catch {
      throw fail('import.corrupt-xlsx', file);
    }
    try {
      const entries = await checkedEntries(zip, file);
      const text = async (name: string): Promise<string | null> => {
        const e = entries.get(name);
        return e ? (await readAll(zip, e, file)).toString('utf8') : null;
      };
      const wbXml = await text('xl/workbook.xml');
      if (wbXml === null) throw fail('import.corrupt-xlsx', file);
      const book = workbookOf(wbXml, (await text('xl/_rels/workbook.xml.rels')) ?? '');
      const ss = entries.get('xl/sharedStrings.xml');
      const sharedStrings = ss ? await parseSharedStrings(await openStream(zip, ss, file), file) : [];
      const dateStyles = dateStylesOf((await text('xl/styles.xml')) ?? '');
      return new XlsxPackage(zip, entries, file, book.sheets, book.date1904, sharedStrings, dateStyles);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  close(): void {
    this.zip.close();
  }

  /**
   * Streams a sheet's rows: `onRow(line, cells)` for each row that has cells, in order; return
   * false from it to stop reading the sheet (the rest is not unpacked).
   */
  /** A sheet's size unpacked (for progress). */
  partSize(sheet: WorkbookSheet): number {
    return (sheet.part ? this.entries.get(sheet.part)?.uncompressedSize : 0) ?? 0;
  }

  async readSheet(sheet: WorkbookSheet, onRow: (line: number, cells: Cell[]) => boolean, onChars?: (n: number) => void): Promise<void> {
    const entry = sheet.part ? this.entries.get(sheet.part) : undefined;
    if (!entry) return;
    const stream = await openStream(this.zip, entry, this.file);
    const parser = new SaxesParser();
    const rows: { line: number; cells: Cell[] }[] = [];
    let line = 0;
    let cells: Cell[] = [];
    let col = -1;
    let type = '';
    let style = 0;
    let value: string | null = null;
    /** Which text is being read: a cell's value, its inline string, or (ignored) a phonetic run. */
    let into: 'v' | 't' | null = null;
    let inline = '';
    let phonetic = 0;
    let inRow = false;
    parser.on('opentag', (tag) => {
      const name = tag.name.replace(/^\w+:/, '');
      if (name === 'row') {
        inRow = true;
        line = tag.attributes.r ? Number(tag.attributes.r) : line + 1;
        cells = [];
        col = -1;
      } else if (name === 'c' && inRow) {
        const ref = tag.attributes.r as string | undefined;
        col = ref ? columnOf(ref) : col + 1;
        type = (tag.attributes.t as string | undefined) ?? 'n';
        style = Number(tag.attributes.s ?? 0);
        value = null;
        inline = '';
      } else if (name === 'v') { into = 'v'; value = ''; }
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) into = 't';
    });
    parser.on('text', (t) => {
      if (into === 'v') value = (value ?? '') + t;
      else if (into === 't') inline += t;
    });
    parser.on('closetag', (tag) => {
      const name = tag.name.replace(/^\w+:/, '');
      if (name === 'v' || name === 't') into = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && inRow && col >= 0) {
        while (cells.length < col) cells.push(null);
        cells[col] = this.cellValue(type, style, value, inline);
      } else if (name === 'row') {
        inRow = false;
        rows.push({ line, cells });
      }
    });
    let stopped = false;
    let xmlError: Error | null = null;
    parser.on('error', (e) => { xmlError = e; });
    try {
      stream.setEncoding('utf8');
      for await (const chunk of stream as AsyncIterable<string>) {
        parser.write(chunk);
        onChars?.(chunk.length);
        if (xmlError) throw fail('import.corrupt-xlsx', this.file);
        for (const r of rows) {
          if (!onRow(r.line, r.cells)) { stopped = true; break; }
        }
        rows.length = 0;
        if (stopped) break;
      }
      if (!stopped) {
        parser.close();
        if (xmlError) throw fail('import.corrupt-xlsx', this.file);
        for (const r of rows) if (!onRow(r.line, r.cells)) break;
      }
    } catch (e) {
      if (e instanceof FileRejectedError) throw e;
      throw partError(e, this.file);
    } finally {
      stream.destroy();
    }
  }

  private cellValue(type: string, style: number, v: string | null, inline: string): Cell {
    switch (type) {
      case 's': return v === null ? null : (this.sharedStrings[Number(v)] ?? null);
      case 'inlineStr': return inline;
      case 'str': return v;
      case 'b': return v === null ? null : v === '1' || v === 'true';
      case 'e': return v;
      case 'd': return v === null ? null : new Date(v);
      default: {
        if (v === null || v === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        return this.dateStyles.has(style) ? serialDate(n, this.date1904) : n;
      }
    }
  }
}

/** Every entry, checked: nothing encrypted, sizes within bounds, no bomb. */
function checkedEntries(zip: yauzl.ZipFile, file: string): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.isEncrypted()) return reject(fail('import.encrypted', file));
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (total > MAX_UNPACKED_BYTES || (entry.uncompressedSize > 1024 ** 2 && ratio > MAX_RATIO)) return reject(fail('import.zip-bomb', file));
      if (entry.fileName === 'xl/sharedStrings.xml' && entry.uncompressedSize > MAX_SHARED_STRINGS_BYTES) {
        return reject(fail('import.shared-strings', file, { mb: Math.round(entry.uncompressedSize / 1024 ** 2) }));
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(fail('import.corrupt-xlsx', file)));
    zip.readEntry();
  });
}

/**
 * A part's bytes as a stream. yauzl checks that a part inflates to no more than its entry says
 * (validateEntrySizes), so a part whose header lies about its size is cut off, not unpacked whole.
 */
function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry, file: string): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (e, s) => {
    if (e || !s) return reject(fail('import.corrupt-xlsx', file));
    s.on('error', () => undefined);
    resolve(s);
  }));
}

/** A part that would not unpack: one that inflates past what its entry says is a bomb; anything else is damage. */
function partError(e: unknown, file: string): FileRejectedError {
  return fail(/too many bytes/i.test(e instanceof Error ? e.message : String(e)) ? 'import.zip-bomb' : 'import.corrupt-xlsx', file);
}

async function readAll(zip: yauzl.ZipFile, entry: yauzl.Entry, file: string): Promise<Buffer> {
  const s = await openStream(zip, entry, file);
  const parts: Buffer[] = [];
  try {
    for await (const b of s) parts.push(b as Buffer);
  } catch (e) {
    throw partError(e, file);
  }
  return Buffer.concat(parts);
}

/** The shared-string table: each <si>'s text runs joined, phonetic runs (<rPh>) left out. */
async function parseSharedStrings(stream: Readable, file: string): Promise<string[]> {
  const out: string[] = [];
  const parser = new SaxesParser();
  let cur: string | null = null;
  let inT = false;
  let phonetic = 0;
  let bad = false;
  parser.on('opentag', (tag) => {
    const name = tag.name.replace(/^\w+:/, '');
    if (name === 'si') cur = '';
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && phonetic === 0) inT = true;
  });
  parser.on('text', (t) => { if (inT && cur !== null) cur += t; });
  parser.on('closetag', (tag) => {
    const name = tag.name.replace(/^\w+:/, '');
    if (name === 't') inT = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si') { out.push(cur ?? ''); cur = null; }
  });
  parser.on('error', () => { bad = true; });
  try {
    stream.setEncoding('utf8');
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      if (bad) break;
    }
    if (!bad) parser.close();
  } catch (e) {
    throw partError(e, file);
  } finally {
    stream.destroy();
  }
  if (bad) throw fail('import.corrupt-xlsx', file);
  return out;
}
