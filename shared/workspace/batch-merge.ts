// The importer's side of a batch assembled in a parse worker (ledger-encoder.ts WorkerBatch):
// the worker numbered its new texts, tuples and vouchers its own way; here the new ones get the
// workspace's numbers (a text or tuple once, whichever worker brought it first; a voucher once
// per file, so one whose lines fall in both halves of a file read on two cores is one voucher),
// and the lines are rewritten with two array lookups each. Per line that is all this thread does.
import { ATTR_WIDTH, type AssembledLines, type LineAssembler, type WorkerBatch } from './ledger-encoder';

/**
 * Where a worker numbers the texts it introduces: from the workspace's next text id, the second
 * of two workers PART_TEXT_SPAN further on. Ids stay small integers, which the assemblers' integer
 * keys need (ledger-encoder.ts), and a part that brought more than 2^25 new texts would need more
 * memory than a worker has.
 */
export const PART_TEXT_SPAN = 2 ** 25;

export function partTextBase(nextText: number, part: 0 | 1): number {
  return nextText + part * PART_TEXT_SPAN;
}

/** A batch in the workspace's numbers: texts and tuples to insert (in that order), then its lines. */
export interface MergedBatch {
  texts: [number, string][];
  /** ATTR_WIDTH numbers each: id, the text ids, is-cash. */
  tuples: number[];
  lines: AssembledLines;
}

interface Part {
  /** The worker's first new text id; ids below it are the workspace's own. */
  base: number;
  /** workspace id by (worker id - base) */
  texts: number[];
  /** workspace tuple id by the worker's */
  tuples: number[];
  /** index among the file's vouchers by the worker's */
  vouchers: number[];
}

export class BatchMerger {
  private readonly byText = new Map<string, number>();
  private readonly parts: Part[];
  private readonly scratch = new Float64Array(ATTR_WIDTH);

  /** `nextText`: the workspace's next text id (the workers were seeded with its texts). */
  constructor(private readonly assembler: LineAssembler, private nextText: number) {
    this.parts = ([0, 1] as const).map((p) => ({ base: partTextBase(nextText, p), texts: [], tuples: [], vouchers: [] }));
  }

  private text(p: Part, id: number): number {
    return id < p.base ? id : (p.texts[id - p.base] as number);
  }

  merge(part: 0 | 1, b: WorkerBatch): MergedBatch {
    const p = this.parts[part] as Part;
    const texts: [number, string][] = [];
    for (const [tmp, text] of b.texts) {
      let id = this.byText.get(text);
      if (id === undefined) {
        id = this.nextText++;
        this.byText.set(text, id);
        texts.push([id, text]);
      }
      p.texts[tmp - p.base] = id;
    }
    const tuples: number[] = [];
    const t = b.tuples;
    const s = this.scratch;
    for (let o = 0; o < t.length; o += ATTR_WIDTH) {
      for (let k = 1; k < ATTR_WIDTH - 1; k++) s[k - 1] = this.text(p, t[o + k] as number);
      p.tuples[t[o] as number] = this.assembler.tupleOf(s, 0, t[o + ATTR_WIDTH - 1] === 1, tuples);
    }
    const v = b.vouchers;
    for (let j = 0; j < v.size; j++) {
      p.vouchers[b.firstVoucher + j] = this.assembler.voucherOf(this.text(p, v.township[j] as number), this.text(p, v.village[j] as number),
        this.text(p, v.entity[j] as number), v.year[j] as number, this.text(p, v.voucher[j] as number), v.date[j] as number);
    }
    const l = b.lines;
    const dates = this.assembler.vouchers().date;
    for (let k = 0; k < l.count; k++) {
      const i = p.vouchers[l.voucher[k] as number] as number;
      l.voucher[k] = i;
      l.attrs[k] = p.tuples[l.attrs[k] as number] as number;
      // A voucher's date is its earliest line's (a voucher may have lines in both parts).
      const d = l.date[k] as number;
      if (d < (dates[i] as number)) dates[i] = d;
    }
    return { texts, tuples, lines: l };
  }
}
