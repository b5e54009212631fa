// What a source file put in the workspace, hashed: the seal that lets `verify` see a ledger line
// or a project row changed behind the app's back (the file's own SHA-256 only says which bytes
// were read, not what is stored now).
//
// What is hashed (ledger): the file's line blocks and voucher blocks as stored (line-blocks.ts, in
// the order of their first line / voucher, each with that number and its count), then every
// attribute tuple its lines point to (line_attrs, by id) and every text its tuples and vouchers
// point to (texts, by id). Blocks, tuples and texts are written once and never changed (triggers
// of 005 and 007), so a change to any of them behind the app's back changes the hash. A later
// change of storage layout re-seals in its migration (the chain records it). Project rows:
// JSON.stringify([line_no, code, township, village, name, contractor, contract_fen, contract_qty,
// unit, accepted_qty, measured_qty, accepted_date]) + '\n' each, in import order.
import { createHash, type Hash } from 'node:crypto';
import type { Db } from './db';
import { ATTR_COLUMNS } from './ledger-encoder';
import { decodeLineBlock, decodeVoucherBlock } from './line-blocks';

/** Every sum of money in a workspace stays below this (fen): the total of all amounts' absolute values, so no sum of findings, leads or handoffs passes 2^53 even when every rule flags the same money. */
export const MONEY_BUDGET_FEN = BigInt(Number.MAX_SAFE_INTEGER) / 8n;

export interface SourceContent {
  sha256: string;
  rows: number;
  /** Sum of |debit| + |credit| (ledger) or contract amounts (projects), fen. */
  moneyFen: bigint;
  /** The first line whose amounts take the workspace past MONEY_BUDGET_FEN, given what is there already. */
  overBudget: { line: number; field: 'debit' | 'credit' | 'contractAmount' } | null;
}

/** The hash input of one file's ledger as stored, with its row count and money (fen; where it passes `left`, the line). */
function ledgerContent(db: Db, fileId: number, h: Hash, left: number | null): { rows: number; money: bigint; overBudget: SourceContent['overBudget'] } {
  const head = Buffer.alloc(12);
  const block = (first: number, count: number, data: Buffer): void => {
    head.writeDoubleLE(first, 0);
    head.writeUInt32LE(count, 8);
    h.update(head);
    h.update(data);
  };
  let rows = 0;
  let money = 0;
  let overBudget: SourceContent['overBudget'] = null;
  const attrIds = new Set<number>();
  const lineBlocks = db.prepare<[number], { first_line: number; line_count: number; data: Buffer }>('SELECT first_line, line_count, data FROM line_blocks WHERE file_id = ? ORDER BY first_line');
  for (const b of lineBlocks.iterate(fileId)) {
    block(b.first_line, b.line_count, b.data);
    const l = decodeLineBlock(b.data);
    rows += l.count;
    let lastAttr = -1;
    for (let i = 0; i < l.count; i++) {
      const a = l.attrs[i] as number;
      if (a !== lastAttr) attrIds.add((lastAttr = a));
      const d = Math.abs(l.debit[i] as number);
      const c = Math.abs(l.credit[i] as number);
      money += d + c;
      if (left !== null && overBudget === null && money > left) overBudget = { line: l.lineNo[i] as number, field: d >= c ? 'debit' : 'credit' };
    }
  }
  const textIds = new Set<number>();
  const voucherBlocks = db.prepare<[number], { first_voucher: number; voucher_count: number; data: Buffer }>('SELECT first_voucher, voucher_count, data FROM voucher_blocks WHERE file_id = ? ORDER BY first_voucher');
  for (const b of voucherBlocks.iterate(fileId)) {
    block(b.first_voucher, b.voucher_count, b.data);
    const v = decodeVoucherBlock(b.data);
    for (const col of [v.township, v.village, v.entity, v.number]) for (let i = 0; i < v.count; i++) textIds.add(col[i] as number);
  }
  const attr = db.prepare<[number], (number | null)[]>(`SELECT id, ${ATTR_COLUMNS.join(', ')}, is_cash FROM line_attrs WHERE id = ?`).raw();
  for (const id of [...attrIds].sort((a, b) => a - b)) {
    const row = attr.get(id) ?? [id];
    h.update(`${JSON.stringify(row)}\n`);
    for (let k = 1; k <= ATTR_COLUMNS.length; k++) textIds.add(Number(row[k] ?? 0));
  }
  const text = db.prepare<[number], string>('SELECT text FROM texts WHERE id = ?').pluck();
  for (const id of [...textIds].sort((a, b) => a - b)) h.update(`${JSON.stringify([id, text.get(id) ?? null])}\n`);
  // Integer fen: exact while below 2^53, which the budget keeps every workspace under.
  return { rows, money: BigInt(Math.min(money, Number.MAX_SAFE_INTEGER)), overBudget };
}

function* sourceProjectRows(db: Db, fileId: number): Generator<[unknown[], number, number]> {
  const rows = db.prepare<[number], { line_no: number; code: string; township: string; village: string; name: string; contractor: string; contract_fen: number;
    contract_qty: string; unit: string; accepted_qty: string; measured_qty: string | null; accepted_date: string | null }>('SELECT * FROM projects WHERE file_id = ? ORDER BY id');
  for (const r of rows.iterate(fileId)) {
    yield [[r.line_no, r.code, r.township, r.village, r.name, r.contractor, r.contract_fen, r.contract_qty, r.unit, r.accepted_qty, r.measured_qty, r.accepted_date], r.contract_fen, 0];
  }
}

/** The money the workspace's sealed files hold already (fen). */
export function sealedMoney(db: Db, exceptFileId = -1): bigint {
  return db.prepare<[number], string>('SELECT money_fen FROM source_seals WHERE file_id <> ?').pluck().all(exceptFileId).reduce((s, v) => s + BigInt(v), 0n);
}

/** The canonical content hash of one source file as stored now, with its amounts (and where they pass the budget, given `already`). */
export function sourceContentHash(db: Db, fileId: number, already: bigint | null = null): SourceContent {
  const kind = db.prepare<[number], string>('SELECT kind FROM source_files WHERE id = ?').pluck().get(fileId);
  const h = createHash('sha256');
  let rows = 0;
  let money = 0n;
  let overBudget: SourceContent['overBudget'] = null;
  if (kind !== 'projects') {
    h.update('ledger-blocks-1\n');
    const left = already === null ? null : Number(MONEY_BUDGET_FEN - already);
    const c = ledgerContent(db, fileId, h, left);
    return { sha256: h.digest('hex'), rows: c.rows, moneyFen: c.money, overBudget: c.overBudget };
  }
  for (const [fields, a, b] of sourceProjectRows(db, fileId)) {
    h.update(JSON.stringify(fields) + '\n', 'utf8');
    rows++;
    money += BigInt(Math.abs(a)) + BigInt(Math.abs(b));
    if (already !== null && overBudget === null && already + money > MONEY_BUDGET_FEN) {
      overBudget = { line: fields[0] as number, field: 'contractAmount' };
    }
  }
  return { sha256: h.digest('hex'), rows, moneyFen: money, overBudget };
}

/** Seals a source file as it stands: its content hash and money, chained (migration 007). */
export function sealSourceFile(db: Db, fileId: number, now: string, content = sourceContentHash(db, fileId)): void {
  db.prepare(`INSERT INTO source_seals (file_id, sha256, name, sheet, kind, row_count, content_sha256, money_fen, sealed_at)
    SELECT id, sha256, name, sheet, kind, ?, ?, ?, ? FROM source_files WHERE id = ?`).run(content.rows, content.sha256, content.moneyFen.toString(), now, fileId);
}
