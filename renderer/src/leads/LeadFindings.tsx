// The findings behind a lead, with their reasons (the paper trail in words); ticking some of
// them and splitting moves them into a new lead with the next number.
import { useEffect, useState } from 'react';
import { Button, Space, Table, Typography } from 'antd';
import type { Finding } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { formatFen, ruleTitle } from '../format';
import { pick, useLang } from '../i18n';

/** More than this are listed by id only: a lead of hundreds of findings is rare and the reasons would not be read. */
const MAX_DETAILS = 200;

interface Props {
  findingIds: string[];
  canSplit: boolean;
  onSplit: (ids: string[]) => void;
}

export function LeadFindings({ findingIds, canSplit, onSplit }: Props) {
  const { t, lang } = useLang();
  const app = useApp();
  const [rows, setRows] = useState<Finding[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const key = findingIds.join(',');
  useEffect(() => {
    let live = true;
    setSelected([]);
    Promise.all(findingIds.slice(0, MAX_DETAILS).map((id) => audit().getFinding({ id })))
      .then((fs) => live && setRows(fs))
      .catch(app.reportError);
    return () => { live = false; };
  }, [key, app.reportError]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<Finding>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        data-testid="lead-findings"
        rowSelection={canSplit && findingIds.length > 1 ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) } : undefined}
        columns={[
          { key: 'rule', title: t('ui.col.rule'), width: 120, ellipsis: true, render: (_, f) => ruleTitle(app.rules, f.rule, lang) },
          { key: 'date', title: t('ui.col.date'), dataIndex: 'date', width: 96 },
          { key: 'vouchers', title: t('ui.col.vouchers'), width: 90, render: (_, f) => f.vouchers.join(t('fmt.list')) || '—' },
          { key: 'amount', title: t('ui.col.amount'), width: 110, align: 'right', render: (_, f) => <span className="va-amount">{formatFen(f.amountFen)}</span> },
          { key: 'reason', title: t('ui.col.reason'), render: (_, f) => <Typography.Text style={{ fontSize: 12 }}>{pick(lang, f.reason, f.reasonEn)}</Typography.Text> },
        ]}
      />
      {canSplit && findingIds.length > 1 && (
        <Space>
          <Button size="small" disabled={selected.length === 0 || selected.length >= findingIds.length} onClick={() => onSplit(selected)} data-testid="lead-split">
            {t('ui.lead.split', { count: selected.length })}
          </Button>
          <Typography.Text type="secondary">{t('ui.lead.splitHint')}</Typography.Text>
        </Space>
      )}
    </Space>
  );
}
