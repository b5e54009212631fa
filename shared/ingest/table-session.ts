// The header-finding part of reading a file, shared by preview and import: buffer the first
// rows, find the header among them, map its columns, then hand every later row on.
import type { FieldId } from '../contract';
import type { TableKind } from './fields';
import { both } from '../i18n/messages';
import { normaliseHeader } from './fields';
import { HEADER_SCAN_ROWS, headerScore, mapColumns, type ColumnMap } from './header';
import { cellText, type RawRow } from './table';

export type HeaderState =
  | { state: 'scanning' }
  | { state: 'mapped'; headerLine: number; headers: string[]; map: ColumnMap }
  | { state: 'needs-mapping'; headerLine: number | null; headers: string[]; missing: FieldId[]; message: string; messageEn: string };

export interface HeaderFinderOptions {
  kind: TableKind;
  file: string;
  map?: Record<string, string>;
  township?: string;
  village?: string;
}

export class HeaderFinder {
  private seen: RawRow[] = [];
  result: HeaderState = { state: 'scanning' };

  private readonly mappedColumns: Set<string>;

  constructor(private readonly opts: HeaderFinderOptions) {
    this.mappedColumns = new Set(Object.values(opts.map ?? {}).map(normaliseHeader));
  }

  /** Feeds a row before the header is known; returns the new state. */
  offer(row: RawRow): HeaderState {
    this.seen.push(row);
    const cells = row.cells.map(cellText);
    const mappedHits = cells.filter((c) => this.mappedColumns.has(normaliseHeader(c))).length;
    if (headerScore(this.opts.kind, cells) + mappedHits >= 3) {
      this.result = this.resolve(row.line, cells);
    } else if (this.seen.length >= HEADER_SCAN_ROWS) {
      this.result = this.noHeader();
    }
    return this.result;
  }

  /** The file ended while scanning. */
  finish(): HeaderState {
    if (this.result.state === 'scanning') this.result = this.noHeader();
    return this.result;
  }

  private provided(): FieldId[] {
    const p: FieldId[] = [];
    if (this.opts.township) p.push('township');
    if (this.opts.village) p.push('village');
    return p;
  }

  private resolve(line: number, cells: string[]): HeaderState {
    const map = mapColumns(cells, { kind: this.opts.kind, map: this.opts.map, provided: this.provided() });
    const headers = cells.map((c) => c.trim());
    if (map.missing.length === 0) return { state: 'mapped', headerLine: line, headers, map };
    const placeOnly = map.missing.every((m) => m === 'township' || m === 'village');
    const m = placeOnly
      ? both('import.needs-place', { file: this.opts.file })
      : both('import.needs-mapping', {
          file: this.opts.file,
          missing: map.missing.map(zhLabel).join('、'),
          missingEn: map.missing.join(', '),
          headers: headers.filter(Boolean).join(' | '),
        });
    return { state: 'needs-mapping', headerLine: line, headers, missing: map.missing, ...m };
  }

  private noHeader(): HeaderState {
    const first = this.seen.find((r) => r.cells.some((c) => cellText(c).trim() !== ''));
    const headers = first ? first.cells.map(cellText) : [];
    // Try the first non-empty row as header, so the user is told exactly what is missing.
    if (first) {
      const attempt = this.resolve(first.line, headers);
      if (attempt.state === 'needs-mapping') return attempt;
      if (this.opts.map && Object.keys(this.opts.map).length > 0) return attempt;
    }
    const m = both('import.no-header', { file: this.opts.file, rows: HEADER_SCAN_ROWS, headers: headers.filter(Boolean).join(' | ') });
    return { state: 'needs-mapping', headerLine: null, headers, missing: [], ...m };
  }
}

const ZH: Record<string, string> = {
  township: '乡镇', village: '村', date: '凭证日期', voucherWord: '凭证字', voucher: '凭证号', summary: '摘要',
  accountCode: '科目编码', accountName: '科目名称（或科目编码）', debit: '借方金额', credit: '贷方金额', attachments: '附件张数',
  receiptType: '票据类型', counterparty: '对方单位', project: '项目编号', handler: '经办人', approver: '审批人',
  name: '姓名', post: '职务', termStart: '任职起', termEnd: '任职止',
  projectCode: '项目编号', projectName: '项目名称', contractor: '施工单位', contractAmount: '合同金额', contractQty: '合同工程量',
  unit: '计量单位', acceptedQty: '验收工程量', measuredQty: '实测工程量', acceptedDate: '验收日期',
};

export function zhLabel(f: FieldId): string {
  return ZH[f] ?? f;
}
