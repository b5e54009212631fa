// Review progress: how many findings are pending, confirmed, dismissed.
import { Progress, Space, Typography } from 'antd';
import type { Overview } from '../../../shared/contract';
import { useLang } from '../i18n';

export function ReviewProgress({ overview }: { overview: Overview }) {
  const { t } = useLang();
  const total = overview.findings || 1;
  const pending = overview.findings - overview.reviewed;
  const rows: [string, number, string][] = [
    [t('ui.status.confirmed'), overview.confirmed, '#cf1322'],
    [t('ui.status.dismissed'), overview.dismissed, '#8c8c8c'],
    [t('ui.status.pending'), pending, '#1677ff'],
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4} data-testid="review-progress">
      <Progress type="circle" size={64} percent={Math.round((overview.reviewed / total) * 100)} />
      {rows.map(([label, n, color]) => (
        <div key={label}>
          <Typography.Text>{label} {n}</Typography.Text>
          <Progress percent={Math.round((n / total) * 100)} strokeColor={color} size="small" showInfo={false} />
        </div>
      ))}
    </Space>
  );
}
