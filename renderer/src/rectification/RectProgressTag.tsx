// An item's progress (未启动 / 整改中 / 已完成) and whether it is closed or overdue, as tags.
import { Space, Tag } from 'antd';
import type { RectificationItem } from '../../../shared/contract';
import { useLang } from '../i18n';

const COLORS = { 未启动: 'default', 整改中: 'processing', 已完成: 'success' } as const;

export function RectProgressTag({ item }: { item: RectificationItem }) {
  const { t } = useLang();
  return (
    <Space size={2}>
      {item.closed ? <Tag color="green" data-rect-state="closed">{t('ui.rect.closedTag')}</Tag> : <Tag color={COLORS[item.progress]}>{t(`ui.rect.progress.${item.progress}`)}</Tag>}
      {item.overdue && <Tag color="red" data-rect-state="overdue">{t('ui.rect.overdue')}</Tag>}
    </Space>
  );
}
