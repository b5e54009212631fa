// The list of case leads: number, place, problem, persons named, amount, proposed handling,
// handoff state and the rectification item it became; a click opens the lead's page.
import { Table, Typography } from 'antd';
import type { CaseLead, Disposition, RectificationItem } from '../../../shared/contract';
import { useApp } from '../context';
import { formatFen, ruleTitle } from '../format';
import { useLang } from '../i18n';
import { LeadStateTag } from './LeadStateTag';

interface Props {
  leads: CaseLead[];
  rects: RectificationItem[];
  loading: boolean;
  selected: string[];
  onSelect: (numbers: string[]) => void;
  onOpen: (number: string) => void;
}

const GROUP_WIDTH = 120;

export function LeadsTable({ leads, rects, loading, selected, onSelect, onOpen }: Props) {
  const { t, lang } = useLang();
  const en = lang === 'en';
  const app = useApp();
  const rectOf = new Map(rects.filter((r) => r.leadNumber).map((r) => [r.leadNumber as string, r]));
  // Which group a lead came from matters once other groups' packages are merged in; one group's
  // own leads all say the same, and the room goes to the problem and the handling instead.
  const groups = new Set(leads.map((l) => l.source)).size > 1;
  return (
    <Table<CaseLead>
      size="small"
      rowKey="number"
      loading={loading}
      dataSource={leads}
      pagination={leads.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      data-testid="leads-table"
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys as string[]), getCheckboxProps: (l) => ({ disabled: l.status !== 'open' }) }}
      onRow={(l) => ({ onClick: () => onOpen(l.number), style: { cursor: 'pointer' }, 'data-lead': l.number } as React.HTMLAttributes<HTMLElement>)}
      // Fits 1366×768 in both languages; English headers are given the room they need.
      scroll={{ x: (en ? 1160 : 1080) + (groups ? GROUP_WIDTH : 0) }}
      columns={[
        {
          key: 'number', title: t('ui.lead.col.number'), width: 156, render: (_, l) => (
            <>
              <Typography.Link className="va-mono">{l.number}</Typography.Link>
              {l.renumberedFrom && <div style={{ fontSize: 12 }}><Typography.Text type="warning" data-testid="lead-renumbered">{t('ui.lead.renumbered', { number: l.renumberedFrom.number })}</Typography.Text></div>}
            </>
          ),
        },
        ...(groups ? [{ key: 'group', title: t('ui.lead.col.group'), width: GROUP_WIDTH, ellipsis: true, render: (_: unknown, l: CaseLead) => l.source }] : []),
        { key: 'place', title: t('ui.col.village'), width: 150, render: (_, l) => `${l.township} ${l.village}` },
        { key: 'rule', title: t('ui.lead.col.problemType'), width: 140, ellipsis: true, render: (_, l) => ruleTitle(app.rules, l.rule, lang) },
        { key: 'persons', title: t('ui.lead.col.persons'), width: en ? 150 : 160, ellipsis: true, render: (_, l) => l.personNames || '—' },
        { key: 'amount', title: t('ui.col.amount'), width: 116, align: 'right', render: (_, l) => <span className="va-amount">{formatFen(l.amountFen)}</span> },
        { key: 'disposition', title: t('ui.lead.col.disposition'), width: en ? 164 : 100, ellipsis: true, dataIndex: 'disposition', render: (d: Disposition) => t(`ui.lead.disposition.${d}`) },
        { key: 'state', title: t('ui.lead.col.state'), width: 128, render: (_, l) => <LeadStateTag lead={l} /> },
        {
          key: 'rect', title: t('ui.nav.rectification'), width: en ? 124 : 100, render: (_, l) => {
            const r = rectOf.get(l.number);
            return r ? <Typography.Link onClick={(e) => { e.stopPropagation(); app.openRectification(r.id); }}>{t('ui.lead.rectLinked', { id: r.id })}</Typography.Link> : null;
          },
        },
      ]}
    />
  );
}
