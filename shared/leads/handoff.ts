// Handing leads over to a township discipline commission: the package (<乡镇>.xlsx, .csv, .pdf,
// from handoff-sheet.ts) written to a folder of its own, recorded with the files' SHA-256, and the
// leads it hands over frozen.
//
// Never lost, never overwritten, all or nothing: each handoff goes to a new folder named with its
// township, handoff number and date (`石板冲乡-移交3-2026-11-25/`, its files named the same way),
// one that does not exist yet. The files are written into a hidden folder first and read back to
// hash them; the records are written in one transaction; the folders take their names; then the
// transaction commits. A failure anywhere removes what was written and records nothing; a process
// killed before the commit leaves no record (only, at worst, a hidden `.移交-partial-*` folder or a
// folder no record names, never a record whose file is missing or different).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CaseLead, HandoffFile, HandoffRecord } from '../contract';
import { fenToDecimalString, sumFen } from '../format/money';
import { EngineError } from '../i18n/errors';
import { zh } from '../i18n/messages';
import { asyncTransaction, type Db } from '../workspace/db';
import { safeFileName } from './file-names';
import { htmlToPdf } from './handoff-pdf';
import { handoffCsv, handoffHtml, handoffXlsx, type HandoffMeta } from './handoff-sheet';
import { freezeLeads, listCaseLeads, mergeNotes } from './store';
import { appendTrail } from './trail';

export interface HandoffOptions {
  dir: string;
  township?: string;
  fromUnit?: string;
  handedBy: string;
  now: string;
  pdf?: boolean;
  /** The desktop app passes Electron's printToPDF here; default: Chromium through playwright-core. */
  renderPdf?: (html: string) => Promise<Buffer>;
}

/**
 * What a handoff hands over: leads never handed over, and those changed since (a new version
 * that corrects the one the commission has). A lead the commission already holds as it stands
 * is not handed over again, so each 移交清单 counts only what it really delivers.
 */
export function pendingLeads(db: Db, township: string): CaseLead[] {
  return listCaseLeads(db, { township }).filter((l) => !l.frozen);
}

export function handoffTownships(db: Db): string[] {
  return db.prepare<[], string>("SELECT DISTINCT township FROM leads WHERE status = 'open' AND frozen = 0 ORDER BY township").pluck().all();
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A folder name under dir that nothing has yet: the name, or the name with (2), (3) … */
function freshFolder(dir: string, name: string, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const p = join(dir, i === 1 ? name : `${name} (${i})`);
    if (!existsSync(p) && !taken.has(p)) return p;
  }
}

interface Prepared { record: HandoffRecord; partial: string; final: string }

export async function writeHandoff(db: Db, o: HandoffOptions): Promise<HandoffRecord[]> {
  if (db.prepare<[], number>('SELECT COUNT(*) FROM leads').pluck().get() === 0) throw new EngineError('conflict', 'handoff.err.no-leads');
  const dir = resolve(o.dir);
  const townships = o.township ? [o.township] : handoffTownships(db);
  if (o.township && pendingLeads(db, o.township).length === 0) {
    const any = db.prepare<[string], number>('SELECT COUNT(*) FROM leads WHERE township = ?').pluck().get(o.township);
    throw new EngineError('conflict', any ? 'handoff.err.nothing-pending' : 'handoff.err.no-leads-township', { township: o.township });
  }
  if (townships.length === 0) return [];
  mkdirSync(dir, { recursive: true });
  const scratch = join(dir, `.${zh('handoff.partial')}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const prepared: Prepared[] = [];
  const renamed: string[] = [];
  try {
    const r = await asyncTransaction(db, async () => {
      const taken = new Set<string>();
      for (const township of townships) {
        const leads = pendingLeads(db, township);
        if (leads.length === 0) continue;
        // The number is the record's id, read inside the write transaction: no other process takes it meanwhile.
        const id = (db.prepare<[], number>('SELECT COALESCE(MAX(id), 0) FROM handoffs').pluck().get() ?? 0) + 1;
        const date = o.now.slice(0, 10);
        const meta: HandoffMeta = {
          township, fromUnit: o.fromUnit ?? leads[0]?.source ?? zh('handoff.default-from-unit'), toUnit: zh('handoff.to-unit', { township }), date, number: id,
          notes: leads.flatMap((l) => mergeNotes(l).map((n) => n.zh)),
        };
        const name = safeFileName(zh('handoff.folder', { township, number: id, date }));
        const final = freshFolder(dir, name, taken);
        taken.add(final);
        const partial = join(scratch, String(id));
        mkdirSync(partial, { recursive: true });
        const files: HandoffFile[] = [];
        const put = (kind: HandoffFile['kind'], bytes: Buffer | string): void => {
          const file = `${name}.${kind}`;
          writeFileSync(join(partial, file), bytes);
          // The hash of what is on disk, read back: what the record says is what the commission gets.
          const b = readFileSync(join(partial, file));
          files.push({ kind, path: join(final, file), sha256: sha256(b), size: b.length });
        };
        put('xlsx', await handoffXlsx(leads, township, meta));
        put('csv', handoffCsv(leads, meta));
        if (o.pdf !== false) put('pdf', await (o.renderPdf ?? htmlToPdf)(handoffHtml(leads, meta)));
        const amountFen = sumFen(leads.map((l) => l.amountFen));
        const handed = leads.map((l) => ({ number: l.number, version: l.version }));
        db.prepare(`INSERT INTO handoffs (id, township, from_unit, to_unit, handed_by, handed_at, lead_count, amount_fen, leads, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(id, township, meta.fromUnit, meta.toUnit, o.handedBy, o.now, leads.length, amountFen, JSON.stringify(handed), JSON.stringify(files));
        const frozen = freezeLeads(db, leads.map((l) => l.number), id, o.now);
        appendTrail(db, { at: o.now, actor: o.handedBy, entity: 'handoff', entityId: String(id), action: 'handoff', after: { township, leads: frozen, amount: fenToDecimalString(amountFen), files } });
        prepared.push({
          partial, final,
          record: { id, dir: final, mergeNotes: meta.notes ?? [], township, fromUnit: meta.fromUnit, toUnit: meta.toUnit, handedBy: o.handedBy, handedAt: o.now, leadCount: leads.length, amountFen, leads: frozen, files },
        });
      }
      // The folders take their names before the records commit: a record never names a file that is not there.
      for (const p of prepared) {
        renameSync(p.partial, p.final);
        renamed.push(p.final);
      }
      return { ok: true, records: prepared.map((p) => p.record) };
    });
    return r.records;
  } catch (e) {
    for (const f of renamed) rmSync(f, { recursive: true, force: true });
    throw e;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function listHandoffs(db: Db): HandoffRecord[] {
  const rows = db.prepare<[], { id: number; township: string; from_unit: string; to_unit: string; handed_by: string; handed_at: string; lead_count: number; amount_fen: number; leads: string; files: string }>('SELECT * FROM handoffs ORDER BY id').all();
  const snapshots = db.prepare<[number], string>('SELECT snapshot FROM lead_versions WHERE handoff_id = ? ORDER BY lead_id');
  return rows.map((r) => {
    const files = JSON.parse(r.files) as HandoffFile[];
    return {
      id: r.id, dir: files[0] ? dirname(files[0].path) : '', township: r.township, fromUnit: r.from_unit, toUnit: r.to_unit, handedBy: r.handed_by, handedAt: r.handed_at,
      leadCount: r.lead_count, amountFen: r.amount_fen,
      mergeNotes: snapshots.pluck().all(r.id).flatMap((s) => {
        const l = JSON.parse(s) as CaseLead;
        return mergeNotes({ number: l.number, mergedFrom: l.mergedFrom ?? [] }).map((n) => n.zh);
      }),
      leads: JSON.parse(r.leads) as { number: string; version: number }[],
      files,
    };
  });
}
