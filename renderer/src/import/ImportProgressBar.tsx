// The progress of the import under way: lines read, speed, time left, and cancel.
import { Button, Progress, Space, Typography } from 'antd';
import type { ImportProgress } from '../../../shared/contract';
import { useLang } from '../i18n';

export interface TimedProgress {
  progress: ImportProgress;
  startedAt: number;
  now: number;
}

export function ImportProgressBar({ timed, onCancel }: { timed: TimedProgress | null; onCancel: () => void }) {
  const { t } = useLang();
  const p = timed?.progress;
  const percent = p && p.totalBytes > 0 ? Math.min(100, Math.floor((p.bytesRead / p.totalBytes) * 100)) : 0;
  const seconds = timed ? Math.max(0.001, (timed.now - timed.startedAt) / 1000) : 0;
  const speed = p && seconds > 0 ? Math.round(p.lines / seconds) : 0;
  const bytesPerSecond = p && seconds > 0 ? p.bytesRead / seconds : 0;
  const left = p && bytesPerSecond > 0 ? Math.ceil((p.totalBytes - p.bytesRead) / bytesPerSecond) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress" data-percent={percent}>
      <Progress percent={percent} status="active" />
      <Space>
        <Typography.Text type="secondary" data-testid="import-progress-text">
          {t('ui.import.progress', { lines: (p?.lines ?? 0).toLocaleString(), speed: speed.toLocaleString(), left })}
        </Typography.Text>
        <Button danger onClick={onCancel} data-testid="import-cancel">{t('ui.import.cancel')}</Button>
      </Space>
    </Space>
  );
}
