// Which header names mean which field, whatever software exported the file.
import type { FieldId, FileKind, LedgerField, ProjectField } from '../contract';

export interface FieldSpec<F extends FieldId = FieldId> {
  id: F;
  zh: string;
  en: string;
  aliases: string[];
  required: boolean;
  /** Aliases used only when no column matched the main aliases (制单日期 for the date). */
  fallbackAliases?: string[];
}

export const LEDGER_FIELDS: FieldSpec<LedgerField>[] = [
  { id: 'township', zh: '乡镇', en: 'township', aliases: ['乡镇', '乡镇（街道）', '乡镇(街道)', '乡镇名称', '所属乡镇'], required: true },
  { id: 'village', zh: '村', en: 'village', aliases: ['村', '村名', '村（居）', '村(居)', '村（社区）', '村(社区)', '单位', '单位名称', '核算单位'], required: true },
  { id: 'date', zh: '凭证日期', en: 'date', aliases: ['凭证日期', '日期', '记账日期', '业务日期'], fallbackAliases: ['制单日期'], required: true },
  { id: 'voucherWord', zh: '凭证字', en: 'voucher word', aliases: ['凭证字', '凭证类别', '凭证类型'], required: false },
  { id: 'voucher', zh: '凭证号', en: 'voucher number', aliases: ['凭证号', '凭证字号', '凭证编号'], required: true },
  { id: 'summary', zh: '摘要', en: 'summary', aliases: ['摘要', '分录摘要'], required: true },
  { id: 'accountCode', zh: '科目编码', en: 'account code', aliases: ['科目编码', '科目代码', '科目编号'], required: false },
  { id: 'accountName', zh: '科目名称', en: 'account name', aliases: ['科目名称', '会计科目', '科目'], required: false },
  { id: 'debit', zh: '借方金额', en: 'debit', aliases: ['借方金额', '借方', '借方发生额'], required: true },
  { id: 'credit', zh: '贷方金额', en: 'credit', aliases: ['贷方金额', '贷方', '贷方发生额'], required: true },
  { id: 'attachments', zh: '附件张数', en: 'attachments', aliases: ['附件张数', '附件数', '附单据数', '单据张数'], required: false },
  { id: 'receiptType', zh: '票据类型', en: 'receipt type', aliases: ['票据类型', '原始凭证类型'], required: false },
  { id: 'counterparty', zh: '对方单位', en: 'counterparty', aliases: ['对方单位', '往来单位', '往来单位名称', '收款人', '收款单位', '对方户名', '客户', '供应商'], required: false },
  { id: 'project', zh: '项目编号', en: 'project', aliases: ['项目编号', '项目', '项目代码', '工程项目'], required: false },
  { id: 'handler', zh: '经办人', en: 'handled by', aliases: ['经办人'], required: false },
  { id: 'approver', zh: '审批人', en: 'approved by', aliases: ['审批人'], required: false },
];

export const PROJECT_FIELDS: FieldSpec<ProjectField>[] = [
  { id: 'projectCode', zh: '项目编号', en: 'project code', aliases: ['项目编号', '项目代码'], required: true },
  { id: 'township', zh: '乡镇', en: 'township', aliases: ['乡镇', '乡镇（街道）', '乡镇名称', '所属乡镇'], required: true },
  { id: 'village', zh: '村', en: 'village', aliases: ['村', '村名', '村（居）', '村（社区）', '单位名称'], required: true },
  { id: 'projectName', zh: '项目名称', en: 'project name', aliases: ['项目名称', '工程名称'], required: true },
  { id: 'contractor', zh: '施工单位', en: 'contractor', aliases: ['施工单位', '承建单位'], required: false },
  { id: 'contractAmount', zh: '合同金额', en: 'contract amount', aliases: ['合同金额', '合同价'], required: true },
  { id: 'contractQty', zh: '合同工程量', en: 'contracted quantity', aliases: ['合同工程量'], required: true },
  { id: 'unit', zh: '计量单位', en: 'unit', aliases: ['计量单位', '单位'], required: false },
  { id: 'acceptedQty', zh: '验收工程量', en: 'accepted quantity', aliases: ['验收工程量'], required: true },
  { id: 'measuredQty', zh: '实测工程量', en: 'measured quantity', aliases: ['实测工程量'], required: false },
  { id: 'acceptedDate', zh: '验收日期', en: 'acceptance date', aliases: ['验收日期'], required: false },
];

/** Village officers' roster (村干部名册), read by shared/leads/cadres.ts. */
export type CadreField = 'township' | 'village' | 'name' | 'post' | 'termStart' | 'termEnd';
export const CADRE_FIELDS: FieldSpec[] = [
  { id: 'township', zh: '乡镇', en: 'township', aliases: ['乡镇', '乡镇（街道）', '乡镇(街道)', '乡镇名称', '所属乡镇'], required: true },
  { id: 'village', zh: '村', en: 'village', aliases: ['村', '村名', '村（居）', '村(居)', '村（社区）', '村(社区)', '单位名称'], required: true },
  { id: 'name' as FieldId, zh: '姓名', en: 'name', aliases: ['姓名', '干部姓名'], required: true },
  { id: 'post' as FieldId, zh: '职务', en: 'post', aliases: ['职务', '职位', '岗位'], required: true },
  { id: 'termStart' as FieldId, zh: '任职起', en: 'term start', aliases: ['任职起', '任职开始', '任职起始日期', '任职时间', '起始日期'], required: true },
  { id: 'termEnd' as FieldId, zh: '任职止', en: 'term end', aliases: ['任职止', '任职结束', '任职截止日期', '离任时间', '截止日期'], required: false },
];

/** What a table can be read as: the contract's file kinds, plus the officers' roster. */
export type TableKind = FileKind | 'cadres';

export function fieldsFor(kind: TableKind): FieldSpec[] {
  if (kind === 'cadres') return CADRE_FIELDS;
  return kind === 'ledger' ? LEDGER_FIELDS : PROJECT_FIELDS;
}

/** Trims ASCII and full-width spaces (and a BOM) around a header cell. */
export function normaliseHeader(cell: string): string {
  return cell.replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, '');
}
