// Projects: every project with contract, accepted, measured, paid, payable and excess (kept in
// view), and its payments in the ledger.
import { useEffect, useState } from 'react';
import { Button, Empty, Table, Tooltip } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import type { ProjectFigures } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { headerWidth } from '../components/measure';
import { formatFen } from '../format';
import { useLang } from '../i18n';

export function ProjectsScreen() {
  const { t } = useLang();
  // Headers (Contracted qty, Accepted on) are given the room they need, in either language.
  const w = (key: Parameters<typeof t>[0], min: number) => headerWidth(t(key), min);
  const app = useApp();
  const [rows, setRows] = useState<ProjectFigures[] | null>(null);
  useEffect(() => {
    audit().listProjects().then(setRows).catch(app.reportError);
  }, [app.dataVersion, app.reportError]);
  const money = (fen: number) => <span className="va-amount">{formatFen(fen)}</span>;
  const qty = (p: ProjectFigures, q: string | null) => (q === null || q === '' ? '—' : `${q} ${p.unit}`);
  if (rows && rows.length === 0) return <Empty description={t('ui.project.none')} />;
  return (
    <Table<ProjectFigures>
      size="small"
      rowKey="code"
      loading={!rows}
      dataSource={rows ?? []}
      pagination={false}
      scroll={{ x: 110 + 120 + 120 + 130 + w('ui.project.contractQty', 96) + w('ui.project.accepted', 96) + w('ui.project.measured', 96) + w('ui.project.acceptedDate', 100) + 130 + 130 + 120 + 44 }}
      data-testid="projects-table"
      columns={[
        { key: 'code', title: t('ui.project.code'), dataIndex: 'code', width: 110, fixed: 'left' },
        { key: 'name', title: t('ui.project.name'), dataIndex: 'name', width: 120, ellipsis: true },
        { key: 'contractor', title: t('ui.project.contractor'), dataIndex: 'contractor', width: 120, ellipsis: true },
        { key: 'contract', title: t('ui.project.contract'), width: 130, align: 'right', render: (_, p) => money(p.contractFen) },
        { key: 'cq', title: t('ui.project.contractQty'), width: w('ui.project.contractQty', 96), align: 'right', render: (_, p) => qty(p, p.contractQty) },
        { key: 'aq', title: t('ui.project.accepted'), width: w('ui.project.accepted', 96), align: 'right', render: (_, p) => qty(p, p.acceptedQty) },
        { key: 'mq', title: t('ui.project.measured'), width: w('ui.project.measured', 96), align: 'right', render: (_, p) => qty(p, p.measuredQty) },
        { key: 'ad', title: t('ui.project.acceptedDate'), dataIndex: 'acceptedDate', width: w('ui.project.acceptedDate', 100) },
        { key: 'paid', title: t('ui.project.paid'), width: 130, align: 'right', render: (_, p) => money(p.paidFen) },
        { key: 'payable', title: t('ui.project.payable'), width: 130, align: 'right', render: (_, p) => money(p.payableFen) },
        { key: 'excess', title: t('ui.project.excess'), width: 120, align: 'right', fixed: 'right', render: (_, p) => (p.excessFen > 0 ? <b className="va-amount" style={{ color: '#cf1322' }}>{formatFen(p.excessFen)}</b> : money(p.excessFen)) },
        {
          key: 'ledger', title: '', width: 44, fixed: 'right',
          render: (_, p) => (
            <Tooltip title={t('ui.detail.projectLedger')}>
              <Button size="small" type="text" icon={<FileSearchOutlined />} aria-label={t('ui.detail.projectLedger')} data-testid="project-row-ledger" onClick={() => app.openLedger({ project: p.code })} />
            </Tooltip>
          ),
        },
      ]}
    />
  );
}
