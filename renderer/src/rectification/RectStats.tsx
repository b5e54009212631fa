// The ledger in six numbers: items, open, overdue, closed, money at issue, money recovered.
import { Card, Col, Row, Statistic } from 'antd';
import type { RectificationSummaryRow } from '../../../shared/contract';
import { formatFen } from '../format';
import { useLang } from '../i18n';

export function RectStats({ rows }: { rows: RectificationSummaryRow[] }) {
  const { t } = useLang();
  const sum = (k: keyof RectificationSummaryRow) => rows.reduce((s, r) => s + Number(r[k]), 0);
  const atIssue = sum('amountAtIssueFen');
  const recovered = sum('recoveredFen');
  const stats: { key: string; title: string; value: string | number; danger?: boolean }[] = [
    { key: 'items', title: t('ui.rect.stat.items'), value: sum('items') },
    { key: 'open', title: t('ui.rect.stat.open'), value: sum('open') },
    { key: 'overdue', title: t('ui.rect.stat.overdue'), value: sum('overdue'), danger: sum('overdue') > 0 },
    { key: 'closed', title: t('ui.rect.stat.closed'), value: sum('closed') },
    { key: 'atIssue', title: t('ui.rect.stat.atIssue'), value: formatFen(atIssue) },
    { key: 'recovered', title: t('ui.rect.stat.recovered'), value: `${formatFen(recovered)}${atIssue > 0 ? ` (${Math.floor((recovered * 1000) / atIssue) / 10}%)` : ''}` },
  ];
  return (
    <Row gutter={12} data-testid="rect-stats">
      {stats.map((s) => (
        <Col key={s.key} span={s.key === 'recovered' ? 7 : s.key === 'atIssue' ? 5 : 3}>
          <Card size="small">
            <Statistic title={s.title} value={s.value} styles={{ content: { fontSize: 18, ...(s.danger ? { color: '#cf1322' } : {}) } }} data-stat={s.key} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
