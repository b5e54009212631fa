// Which header names mean which field, whatever software exported the file. A field's name as a
// person reads it comes from the catalogue (`ui.field.<id>`), never from here.
import type { CadreField, FieldId, LedgerField, ProjectField, TableKind } from '../contract';
import { t, type MessageKey } from '../i18n/messages';

export type { TableKind } from '../contract';

export interface FieldSpec<F extends FieldId = FieldId> {
  id: F;
  aliases: string[];
  required: boolean;
  /** Aliases used only when no column matched the main aliases (制单日期 for the date). */
  fallbackAliases?: string[];
}

const TOWNSHIP = ['乡镇', '乡镇（街道）', '乡镇(街道)', '乡镇名称', '所属乡镇', '乡镇街道'];
const VILLAGE = ['村', '村名', '村（居）', '村(居)', '村（社区）', '村(社区)', '村居', '村名称'];

// Order matters where two specs could claim one header: the first spec in the list takes it
// (village before entity, so a lone 核算单位 column is the village, and entity is kept from it).
export const LEDGER_FIELDS: FieldSpec<LedgerField>[] = [
  { id: 'township', aliases: TOWNSHIP, required: true },
  { id: 'village', aliases: [...VILLAGE, '单位', '单位名称', '核算单位', '账套名称'], required: true },
  { id: 'entity', aliases: ['核算单位', '单位名称', '账套名称', '核算主体'], required: false },
  { id: 'date', aliases: ['凭证日期', '日期', '记账日期', '业务日期'], fallbackAliases: ['制单日期'], required: true },
  { id: 'voucherWord', aliases: ['凭证字', '凭证类别', '凭证类型'], required: false },
  { id: 'voucher', aliases: ['凭证号', '凭证字号', '凭证编号', '字号', '凭证号码'], required: true },
  { id: 'summary', aliases: ['摘要', '分录摘要', '凭证摘要'], required: true },
  { id: 'accountCode', aliases: ['科目编码', '科目代码', '科目编号', '科目号'], required: false },
  { id: 'accountName', aliases: ['科目名称', '会计科目', '科目', '科目全称', '科目全名'], required: false },
  { id: 'debit', aliases: ['借方金额', '借方', '借方发生额', '借方本币'], required: true },
  { id: 'credit', aliases: ['贷方金额', '贷方', '贷方发生额', '贷方本币'], required: true },
  { id: 'amount', aliases: ['金额', '发生额', '发生金额', '本币金额'], required: false },
  { id: 'direction', aliases: ['方向', '借贷方向', '借贷', '借/贷', '借贷标志'], required: false },
  { id: 'attachments', aliases: ['附件张数', '附件数', '附单据数', '单据张数', '附件', '附单据', '附件（张）', '附件(张)'], required: false },
  { id: 'receiptType', aliases: ['票据类型', '原始凭证类型'], required: false },
  { id: 'invoice', aliases: ['发票号码', '发票号', '票据号码', '票据号'], required: false },
  { id: 'counterparty', aliases: ['对方单位', '往来单位', '往来单位名称', '收款人', '收款单位', '对方户名', '客户', '供应商'], required: false },
  { id: 'project', aliases: ['项目编号', '项目', '项目代码', '工程项目'], required: false },
  { id: 'handler', aliases: ['经办人'], required: false },
  { id: 'approver', aliases: ['审批人'], required: false },
  { id: 'preparer', aliases: ['制单人', '制单'], required: false },
  { id: 'checker', aliases: ['审核人', '审核'], required: false },
  { id: 'bookkeeper', aliases: ['记账人', '记账'], required: false },
];

export const PROJECT_FIELDS: FieldSpec<ProjectField>[] = [
  { id: 'projectCode', aliases: ['项目编号', '项目代码'], required: true },
  { id: 'township', aliases: TOWNSHIP, required: true },
  { id: 'village', aliases: [...VILLAGE, '单位名称'], required: true },
  { id: 'projectName', aliases: ['项目名称', '工程名称'], required: true },
  { id: 'contractor', aliases: ['施工单位', '承建单位'], required: false },
  { id: 'contractAmount', aliases: ['合同金额', '合同价'], required: true },
  { id: 'contractQty', aliases: ['合同工程量'], required: true },
  { id: 'unit', aliases: ['计量单位', '单位'], required: false },
  { id: 'acceptedQty', aliases: ['验收工程量'], required: true },
  { id: 'measuredQty', aliases: ['实测工程量'], required: false },
  { id: 'acceptedDate', aliases: ['验收日期'], required: false },
];

/** Village officers' roster (村干部名册), read by shared/leads/cadres.ts. */
export const CADRE_FIELDS: FieldSpec<'township' | 'village' | CadreField>[] = [
  { id: 'township', aliases: TOWNSHIP, required: true },
  { id: 'village', aliases: [...VILLAGE, '单位名称'], required: true },
  { id: 'name', aliases: ['姓名', '干部姓名'], required: true },
  { id: 'post', aliases: ['职务', '职位', '岗位'], required: true },
  { id: 'termStart', aliases: ['任职起', '任职开始', '任职起始日期', '任职时间', '起始日期'], required: true },
  { id: 'termEnd', aliases: ['任职止', '任职结束', '任职截止日期', '离任时间', '截止日期'], required: false },
];

export function fieldsFor(kind: TableKind): FieldSpec[] {
  if (kind === 'cadres') return CADRE_FIELDS;
  return kind === 'ledger' ? LEDGER_FIELDS : PROJECT_FIELDS;
}

/** A field's name as the user reads it: `ui.field.<id>` in the catalogue. */
export function fieldLabel(field: FieldId, lang: 'zh' | 'en' = 'zh'): string {
  return t(lang, `ui.field.${field}` as MessageKey);
}

/**
 * Trims ASCII and full-width spaces (and a BOM) around a header cell, drops the spaces inside
 * (`借 方` is 借方), and unwraps Excel's protected text (`="凭证号"`).
 */
export function normaliseHeader(cell: string): string {
  return unwrapExcelText(cell).replace(/[\s\u3000\ufeff]+/g, '');
}

/** `="0015"` is how exports keep Excel from reading a number: the value is `0015`. */
export function unwrapExcelText(s: string): string {
  if (s.length < 3 || s.charCodeAt(0) !== 61 /* = */ || s.charCodeAt(1) !== 34 /* " */ || s.charCodeAt(s.length - 1) !== 34) return s;
  return s.slice(2, -1).replace(/""/g, '"');
}
