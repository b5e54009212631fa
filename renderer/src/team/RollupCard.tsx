// The district roll-up on the overview: per group, township and village, with subtotals and the
// district's totals (leads handed over, money at issue and recovered), and its .xlsx; below it the
// merge conflicts still open.
import { useEffect, useState } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { MergeConflict, Rollup, RollupRow } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { formatFen } from '../format';
import { useLang } from '../i18n';
import { rollupGroupLabel, rollupPlaceLabel } from '../../../shared/i18n/rollup-labels';
import { ConflictList } from './ConflictList';

export function RollupCard() {
  const { t, lang } = useLang();
  const en = lang === 'en';
  const app = useApp();
  const [r, setR] = useState<Rollup | null>(null);
  const [conflicts, setConflicts] = useState<MergeConflict[]>([]);
  const load = () => {
    audit().rollup().then(setR).catch(app.reportError);
    audit().listConflicts({}).then(setConflicts).catch(app.reportError);
  };
  useEffect(load, [app.dataVersion]);
  const save = async () => {
    const path = await audit().chooseSaveFile({ defaultName: `${t('ui.rollup.file-name')}.xlsx`, title: t('ui.rollup.title') });
    if (path) await audit().exportRollup({ path });
  };
  if (!r) return null;
  const rows = [...r.rows, r.totals];
  const money = (fen: number) => <span className="va-amount">{formatFen(fen)}</span>;
  return (
    <>
      {conflicts.length > 0 && (
        <Card size="small" title={<span>{t('ui.conflict.title')} <Tag color="orange" data-testid="open-conflicts">{conflicts.length}</Tag></span>} style={{ marginTop: 12 }}>
          <ConflictList conflicts={conflicts} onResolved={load} />
        </Card>
      )}
      <Card size="small" title={t('ui.rollup.title')} style={{ marginTop: 12 }}
        extra={<Button size="small" icon={<DownloadOutlined />} onClick={() => { save().catch(app.reportError); }} data-testid="rollup-export">{t('ui.rollup.export')}</Button>}>
        <Table<RollupRow> size="small" pagination={false} data-testid="rollup" rowKey={(x) => `${x.group}/${x.township}/${x.village}`} dataSource={rows}
          rowClassName={(x) => (x.village ? '' : 'va-subtotal')} scroll={{ y: 360 }}
          columns={[
            { key: 'group', title: t('rollup.col.group'), width: 190, render: (_, x) => rollupGroupLabel(x, lang) },
            { key: 'township', title: t('ui.col.township'), width: 90, dataIndex: 'township' },
            { key: 'village', title: t('ui.col.village'), width: en ? 148 : 100, className: 'va-nowrap', render: (_, x) => <span data-testid="rollup-village">{rollupPlaceLabel(x, lang)}</span> },
            {
              key: 'lines', title: t('ui.rollup.lines'), width: en ? 72 : 76, align: 'right', render: (_, x) => (x.village && x.ledgerLines === 0
                ? <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="rollup-no-ledger">{t('ui.rollup.no-ledger')}</Tag> : x.ledgerLines.toLocaleString('zh-CN')),
            },
            { key: 'findings', title: t('rollup.col.findings'), width: en ? 84 : 60, align: 'right', dataIndex: 'findings' },
            { key: 'confirmed', title: t('rollup.col.confirmed'), width: en ? 96 : 64, align: 'right', dataIndex: 'confirmed' },
            { key: 'leads', title: t('rollup.col.leads'), width: en ? 64 : 60, align: 'right', dataIndex: 'leads' },
            { key: 'handed', title: t('rollup.col.handed-over'), width: en ? 112 : 96, align: 'right', dataIndex: 'handedOver' },
            { key: 'atIssue', title: t('ui.rollup.at-issue'), width: 120, align: 'right', render: (_, x) => money(x.atIssueFen) },
            { key: 'recovered', title: t('ui.rollup.recovered'), width: 120, align: 'right', render: (_, x) => money(x.recoveredFen) },
          ]} />
      </Card>
    </>
  );
}
