// What a work package holds, as its manifest says (zod: a package is read as untrusted input,
// even once its tag and hash are checked: it may come from an older or newer app).
// Rows are carried with their columns as stored (JSON texts stay texts), so a merged record is
// the very record of the other laptop. Leads, rectification items and handoffs carry a shared id
// (uid) instead of their local ids; the trail names handoffs and items by that uid.
import * as z from 'zod';

const blob = z.object({ offset: z.number().int().min(0), length: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
const sha = z.string().regex(/^[0-9a-f]{64}$/);
const text = z.string().max(1_000_000);
const maybe = text.nullable();
const decision = z.enum(['pending', 'confirmed', 'dismissed']);

export const PACKAGE_FORMAT = 'village-audit-work-package';

export const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(1),
  createdAt: text,
  createdBy: text,
  group: text,
  final: z.boolean(),
  schemaVersion: z.number().int(),
  villages: z.array(z.object({ township: text, village: text }).strict()),
  sources: z.array(z.object({
    sha256: sha, name: text, path: text, kind: z.enum(['ledger', 'projects']), sheet: maybe, size: z.number().int().min(0), options: text, blob,
  }).strict()),
  cadreFiles: z.array(z.object({ sha256: sha, name: text, path: text, size: z.number().int().min(0), blob }).strict()),
  /** Every decision known here on the package's findings: this workspace's own and those merged from other groups. */
  reviews: z.array(z.object({ findingId: text, decision, note: maybe, reviewer: text, decidedAt: text, group: text }).strict()),
  /** Each finding's decision as it stands here (its latest own review). */
  current: z.array(z.object({ findingId: text, decision, note: maybe, reviewer: text, decidedAt: text }).strict()),
  handoffs: z.array(z.object({
    uid: text, township: text, fromUnit: text, toUnit: text, handedBy: text, handedAt: text, leadCount: z.number().int(), amountFen: z.number().int(), leads: text, files: text,
  }).strict()),
  leads: z.array(z.object({
    uid: text, number: text, township: text, village: text, year: z.number().int(), rule: text, status: z.enum(['open', 'merged']), version: z.number().int().min(1),
    frozen: z.number().int(), persons: text, source: text, receivedAt: text, problem: text, amountFen: z.number().int(), evidence: text, disposition: text,
    remarks: text, mergedInto: maybe, correction: maybe, createdAt: text, updatedAt: text, findings: z.array(text),
    versions: z.array(z.object({ version: z.number().int(), snapshot: text, handoffUid: maybe, frozenAt: text }).strict()),
  }).strict()),
  rectifications: z.array(z.object({
    uid: text, leadNumber: maybe, findingId: maybe, township: text, village: text, description: text, unit: text, responsible: text, measures: text,
    dueDate: maybe, progress: text, amountAtIssueFen: z.number().int(), recoveredFen: z.number().int(), closed: z.number().int(), closedBy: maybe, closedAt: maybe,
    closeNote: maybe, createdAt: text, updatedAt: text,
    evidence: z.array(z.object({ name: text, sha256: sha, size: z.number().int().min(0), addedBy: text, addedAt: text, blob }).strict()),
  }).strict()),
  trail: z.array(z.object({ at: text, actor: text, entity: text, entityId: text, action: text, before: maybe, after: maybe }).strict()),
}).strict();

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestLead = Manifest['leads'][number];
export type ManifestRect = Manifest['rectifications'][number];
export type ManifestHandoff = Manifest['handoffs'][number];
