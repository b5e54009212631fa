// Who decided what about a finding, and when.
import { Timeline, Typography } from 'antd';
import type { ReviewEvent } from '../../../shared/contract';
import { formatTimestamp } from '../format';
import { useLang } from '../i18n';

export function ReviewHistory({ history }: { history: ReviewEvent[] }) {
  const { t } = useLang();
  if (history.length === 0) return <Typography.Text type="secondary">{t('ui.detail.history.empty')}</Typography.Text>;
  return (
    <Timeline
      data-testid="review-history"
      items={history.map((h, i) => ({
        key: i,
        content: (
          <div>
            <div>{t('ui.detail.history.item', { at: formatTimestamp(h.at), reviewer: h.reviewer, decision: t(`ui.status.${h.decision}`) })}</div>
            {h.note && <Typography.Text type="secondary">{h.note}</Typography.Text>}
            {h.group && <div><Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="history-group">{t('ui.detail.history.merged', { group: h.group })}</Typography.Text></div>}
          </div>
        ),
      }))}
    />
  );
}
