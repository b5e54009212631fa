// 汇总: the ledger or the findings summed by village, account, counterparty, person, month (by one
// dimension, or crossed with a second), with totals that are the exact sums; exported as shown.
// A village (township, rule, month) opens its ledger or its findings.
import { useEffect, useState } from 'react';
import { Card, DatePicker, Segmented, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import {
  PIVOT_DIMENSIONS, type FindingQuery, type FindingStatus, type LedgerFilter, type LedgerPlace, type PivotDimension, type PivotLine, type PivotMeasure, type PivotQuery, type PivotTable,
} from '../../../shared/contract';
import { audit } from '../api';
import { ExportButton } from '../components/ExportButton';
import { useApp } from '../context';
import { formatFen, ruleTitle } from '../format';
import { useLang } from '../i18n';
import { LedgerFilterBar } from '../ledger/LedgerFilterBar';
import { textWidth } from '../components/measure';
import { useViewState } from '../view-state';
import { useBoxSize } from '../components/useBoxSize';

type FindingFilter = NonNullable<PivotQuery['findings']>;

interface SummaryView {
  source: 'ledger' | 'findings';
  rows: PivotDimension;
  columns: PivotDimension | null;
  measure: PivotMeasure;
  ledger: LedgerFilter;
  findings: FindingFilter;
}

const INITIAL: SummaryView = { source: 'findings', rows: 'village', columns: 'rule', measure: 'debit', ledger: {}, findings: {} };
const FOLDED = '*';
const STATUSES: FindingStatus[] = ['pending', 'confirmed', 'dismissed'];

function queryOf(v: SummaryView): PivotQuery {
  return {
    source: v.source, rows: v.rows, ...(v.columns ? { columns: v.columns } : {}),
    ...(v.source === 'ledger' ? { measure: v.measure, ledger: v.ledger } : { findings: v.findings }),
  };
}

export function SummaryScreen() {
  const { t, lang } = useLang();
  const app = useApp();
  const [box, { height }] = useBoxSize();
  const [view, setView] = useViewState<SummaryView>('summary.view', INITIAL);
  const [table, setTable] = useState<PivotTable | null>(null);
  const [loading, setLoading] = useState(false);
  const [places, setPlaces] = useState<LedgerPlace[]>([]);

  useEffect(() => {
    audit().listPlaces().then(setPlaces).catch(app.reportError);
  }, [app.dataVersion, app.reportError]);
  useEffect(() => {
    let live = true;
    setLoading(true);
    audit().summarize(queryOf(view)).then((r) => live && setTable(r)).catch(app.reportError).finally(() => live && setLoading(false));
    return () => { live = false; };
  }, [view, app.dataVersion, app.reportError]);

  const set = (patch: Partial<SummaryView>) => setView((v) => {
    const next = { ...v, ...patch };
    // The ledger has no rule; a dimension is not crossed with itself.
    if (next.source === 'ledger' && next.rows === 'rule') next.rows = 'village';
    if (next.source === 'ledger' && next.columns === 'rule') next.columns = null;
    if (next.columns === next.rows) next.columns = null;
    return next;
  });
  const dims = PIVOT_DIMENSIONS.filter((d) => view.source === 'findings' || d !== 'rule');
  const dimOptions = dims.map((d) => ({ value: d, label: t(`pivot.dim.${d}`) }));

  const label = (key: string, text: string, dim: PivotDimension): string => {
    if (key === FOLDED) return t('pivot.folded');
    if (key === '') return t('pivot.blank');
    return dim === 'rule' ? ruleTitle(app.rules, key, lang) : text;
  };
  /** A line of the summary opens what it sums, where there is such a view. */
  const open = (l: PivotLine) => {
    if (l.key === FOLDED || !table) return;
    const [township, village] = l.key.split('/');
    if (table.source === 'ledger' && (table.rows === 'village' || table.rows === 'township')) app.openLedger({ township, ...(table.rows === 'village' ? { village } : {}) });
    if (table.source === 'findings') {
      const filter: Record<string, FindingQuery> = {
        village: { township: [township ?? ''], village: [village ?? ''] }, township: { township: [l.key] }, rule: { rule: [l.key] }, month: { month: l.key },
      };
      const f = filter[table.rows];
      if (f) app.go('findings', { ...view.findings, ...f });
    }
  };
  const opens = !!table && ((table.source === 'ledger' && ['village', 'township'].includes(table.rows)) || (table.source === 'findings' && ['village', 'township', 'rule', 'month'].includes(table.rows)));

  const countTitle = t(view.source === 'findings' ? 'pivot.count.findings' : 'pivot.count.lines');
  const amountTitle = view.source === 'findings' ? t('pivot.measure.findings') : t(`pivot.measure.${view.measure}`);
  const money = (fen: number, count: number, strong = false) => (
    <Tooltip title={`${countTitle} ${count}`} mouseEnterDelay={0.5}><span className="va-amount" style={strong ? { fontWeight: 600 } : undefined}>{count ? formatFen(fen) : '—'}</span></Tooltip>
  );
  const cols = table?.columnKeys ?? [];
  const columns: ColumnsType<PivotLine> = [
    { key: 'label', title: t(`pivot.dim.${view.rows}`), fixed: 'left', width: 200, className: 'va-nowrap', ellipsis: true, render: (_, l) => (opens && l.key !== FOLDED ? <Typography.Link>{label(l.key, l.label, view.rows)}</Typography.Link> : label(l.key, l.label, view.rows)) },
    ...cols.map((c, i) => ({ key: `c${i}`, title: label(c.key, c.label, view.columns ?? view.rows), width: Math.ceil(Math.max(120, textWidth(label(c.key, c.label, view.columns ?? view.rows), 14, 600) + 28)), align: 'right' as const, render: (_: unknown, l: PivotLine) => money(l.cells[i]?.amountFen ?? 0, l.cells[i]?.count ?? 0) })),
    { key: 'total', title: cols.length ? t('pivot.total') : amountTitle, width: 140, align: 'right', render: (_, l) => money(l.total.amountFen, l.total.count, cols.length > 0) },
    { key: 'count', title: countTitle, width: Math.ceil(Math.max(84, textWidth(countTitle, 14, 600) + 28)), align: 'right', render: (_, l) => l.total.count.toLocaleString() },
  ];
  const width = columns.reduce((s, c) => s + Number(c.width), 0);
  return (
    <div className="va-screen" data-testid="summary-screen">
      <Card size="small">
        <Space wrap size={[8, 8]}>
          <Segmented value={view.source} onChange={(v) => set({ source: v as SummaryView['source'] })} data-testid="summary-source"
            options={[{ value: 'findings', label: <span data-testid="summary-source-findings">{t('ui.summary.source.findings')}</span> }, { value: 'ledger', label: <span data-testid="summary-source-ledger">{t('ui.summary.source.ledger')}</span> }]} />
          <Space size={4}><span>{t('ui.summary.rows')}</span>
            <Select style={{ width: 120 }} value={view.rows} options={dimOptions} onChange={(rows: PivotDimension) => set({ rows })} data-testid="summary-rows" />
          </Space>
          <Space size={4}><span>{t('ui.summary.columns')}</span>
            <Select style={{ width: 120 }} value={view.columns ?? ''} data-testid="summary-columns"
              options={[{ value: '', label: t('ui.summary.noColumns') }, ...dimOptions.filter((o) => o.value !== view.rows)]} onChange={(c: string) => set({ columns: (c || null) as PivotDimension | null })} />
          </Space>
          {view.source === 'ledger' && (
            <Space size={4}><span>{t('ui.summary.measure')}</span>
              <Select style={{ width: 150 }} value={view.measure} onChange={(measure: PivotMeasure) => set({ measure })} data-testid="summary-measure"
                options={(['debit', 'credit', 'net'] as const).map((m) => ({ value: m, label: t(`pivot.measure.${m}`) }))} />
            </Space>
          )}
          <ExportButton name={t('ui.summary.exportName')} testId="summary-export" disabled={!table}
            onExport={(path, format) => audit().exportSummary({ query: queryOf(view), path, format, lang })} />
        </Space>
        <div style={{ marginTop: 8 }}>
          {view.source === 'ledger'
            ? <LedgerFilterBar filter={view.ledger} places={places} onChange={(ledger) => set({ ledger })} fields={['text', 'account', 'counterparty', 'person', 'dates']} />
            : <FindingsSummaryFilter filter={view.findings} places={places} onChange={(findings) => set({ findings })} />}
        </div>
      </Card>
      <Typography.Text strong data-testid="summary-total">
        {table ? t('ui.summary.total', { count: table.totals.total.count, what: countTitle, amount: formatFen(table.totals.total.amountFen), lines: table.lines.length }) : ''}
      </Typography.Text>
      <div ref={box} className="va-fill">
        <Table<PivotLine>
          size="small"
          bordered
          rowKey={(l) => l.key}
          loading={loading}
          dataSource={table?.lines ?? []}
          pagination={false}
          scroll={{ x: width, y: Math.max(120, height - 40 - 40) }}
          data-testid="summary-table"
          onRow={(l) => ({ onClick: () => open(l), style: opens ? { cursor: 'pointer' } : undefined, 'data-key': l.key } as object)}
          columns={columns}
          summary={() => table && (
            <Table.Summary fixed>
              <Table.Summary.Row data-testid="summary-totals">
                <Table.Summary.Cell index={0}><b>{t('pivot.total')}</b></Table.Summary.Cell>
                {table.totals.cells.map((c, i) => <Table.Summary.Cell key={i} index={i + 1} align="right">{money(c.amountFen, c.count, true)}</Table.Summary.Cell>)}
                <Table.Summary.Cell index={cols.length + 1} align="right"><span data-testid="summary-grand-total">{money(table.totals.total.amountFen, table.totals.total.count, true)}</span></Table.Summary.Cell>
                <Table.Summary.Cell index={cols.length + 2} align="right"><b>{table.totals.total.count.toLocaleString()}</b></Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )}
        />
      </div>
    </div>
  );
}

/** The findings a summary takes: rule, status, place, dates. */
function FindingsSummaryFilter({ filter, places, onChange }: { filter: FindingFilter; places: LedgerPlace[]; onChange: (f: FindingFilter) => void }) {
  const { t, lang } = useLang();
  const app = useApp();
  const set = (patch: Partial<FindingFilter>) => onChange({ ...filter, ...patch });
  const list = <T,>(v: T[]): T[] | undefined => (v.length ? v : undefined);
  const townships = [...new Set(places.map((p) => p.township))];
  const villages = [...new Set(places.filter((p) => !filter.township?.length || filter.township.includes(p.township)).map((p) => p.village))];
  return (
    <Space wrap size={[6, 6]} data-testid="summary-finding-filters">
      <Select mode="multiple" allowClear style={{ minWidth: 150 }} placeholder={t('ui.filter.rule')} value={filter.rule ?? []} maxTagCount="responsive"
        options={app.rules.map((r) => ({ value: r.id, label: ruleTitle(app.rules, r.id, lang) }))} onChange={(v: string[]) => set({ rule: list(v) })} />
      <Select mode="multiple" allowClear style={{ minWidth: 120 }} placeholder={t('ui.filter.status')} value={filter.status ?? []} maxTagCount="responsive" data-testid="summary-status"
        options={STATUSES.map((s) => ({ value: s, label: t(`ui.status.${s}`) }))} onChange={(v: FindingStatus[]) => set({ status: list(v) })} />
      <Select mode="multiple" allowClear style={{ minWidth: 120 }} placeholder={t('ui.filter.township')} value={filter.township ?? []} maxTagCount="responsive"
        options={townships.map((x) => ({ value: x, label: x }))} onChange={(v: string[]) => set({ township: list(v) })} />
      <Select mode="multiple" allowClear style={{ minWidth: 120 }} placeholder={t('ui.filter.village')} value={filter.village ?? []} maxTagCount="responsive"
        options={villages.map((x) => ({ value: x, label: x }))} onChange={(v: string[]) => set({ village: list(v) })} />
      <DatePicker.RangePicker style={{ width: 230 }} allowEmpty={[true, true]}
        value={[filter.dateFrom ? dayjs(filter.dateFrom) : null, filter.dateTo ? dayjs(filter.dateTo) : null]}
        onChange={(d) => set({ dateFrom: d?.[0]?.format('YYYY-MM-DD') ?? undefined, dateTo: d?.[1]?.format('YYYY-MM-DD') ?? undefined })} />
    </Space>
  );
}
