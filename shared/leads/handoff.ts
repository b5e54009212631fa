// Handing leads over to a township discipline commission: the package (<乡镇>.xlsx, .csv, .pdf,
// from handoff-sheet.ts) written to a folder, recorded with the files' SHA-256, and the leads it
// hands over frozen.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CaseLead, HandoffFile, HandoffRecord } from '../contract';
import { fenToDecimalString } from '../format/money';
import { EngineError } from '../i18n/errors';
import { zh } from '../i18n/messages';
import type { Db } from '../workspace/db';
import { safeFileName } from './file-names';
import { htmlToPdf } from './handoff-pdf';
import { handoffCsv, handoffHtml, handoffXlsx, type HandoffMeta } from './handoff-sheet';
import { freezeLeads, listCaseLeads } from './store';
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

export async function writeHandoff(db: Db, o: HandoffOptions): Promise<HandoffRecord[]> {
  const dir = resolve(o.dir);
  mkdirSync(dir, { recursive: true });
  const townships = o.township ? [o.township] : handoffTownships(db);
  const out: HandoffRecord[] = [];
  for (const township of townships) {
    const leads = pendingLeads(db, township);
    if (leads.length === 0) {
      if (o.township) throw new EngineError('conflict', 'handoff.err.nothing-pending', { township });
      continue;
    }
    const meta: HandoffMeta = { township, fromUnit: o.fromUnit ?? leads[0]?.source ?? zh('handoff.default-from-unit'), toUnit: zh('handoff.to-unit', { township }), date: o.now.slice(0, 10) };
    const base = join(dir, safeFileName(township));
    const files: HandoffFile[] = [];
    const put = (kind: HandoffFile['kind'], bytes: Buffer | string): void => {
      const path = `${base}.${kind}`;
      writeFileSync(path, bytes);
      const b = readFileSync(path);
      files.push({ kind, path, sha256: createHash('sha256').update(b).digest('hex'), size: b.length });
    };
    put('xlsx', await handoffXlsx(leads, township));
    put('csv', handoffCsv(leads));
    if (o.pdf !== false) put('pdf', await (o.renderPdf ?? htmlToPdf)(handoffHtml(leads, meta)));
    const amountFen = leads.reduce((s, l) => s + l.amountFen, 0);
    let rec: HandoffRecord | null = null;
    db.transaction(() => {
      const handed = leads.map((l) => ({ number: l.number, version: l.version }));
      const id = Number(db.prepare(`INSERT INTO handoffs (township, from_unit, to_unit, handed_by, handed_at, lead_count, amount_fen, leads, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(township, meta.fromUnit, meta.toUnit, o.handedBy, o.now, leads.length, amountFen, JSON.stringify(handed), JSON.stringify(files)).lastInsertRowid);
      const frozen = freezeLeads(db, leads.map((l) => l.number), id, o.now);
      rec = { id, township, fromUnit: meta.fromUnit, toUnit: meta.toUnit, handedBy: o.handedBy, handedAt: o.now, leadCount: leads.length, amountFen, leads: frozen, files };
      appendTrail(db, { at: o.now, actor: o.handedBy, entity: 'handoff', entityId: String(id), action: 'handoff', after: { township, leads: frozen, amount: fenToDecimalString(amountFen), files } });
    })();
    out.push(rec as unknown as HandoffRecord);
  }
  return out;
}

export function listHandoffs(db: Db): HandoffRecord[] {
  const rows = db.prepare<[], { id: number; township: string; from_unit: string; to_unit: string; handed_by: string; handed_at: string; lead_count: number; amount_fen: number; leads: string; files: string }>('SELECT * FROM handoffs ORDER BY id').all();
  return rows.map((r) => ({
    id: r.id, township: r.township, fromUnit: r.from_unit, toUnit: r.to_unit, handedBy: r.handed_by, handedAt: r.handed_at, leadCount: r.lead_count, amountFen: r.amount_fen,
    leads: JSON.parse(r.leads) as { number: string; version: number }[],
    files: JSON.parse(r.files) as HandoffFile[],
  }));
}
