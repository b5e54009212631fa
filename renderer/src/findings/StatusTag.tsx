// A finding's review status as a coloured tag.
import { Tag } from 'antd';
import type { FindingStatus } from '../../../shared/contract';
import { useLang } from '../i18n';

const COLORS: Record<FindingStatus, string> = { pending: 'blue', confirmed: 'red', dismissed: 'default' };

export function StatusTag({ status }: { status: FindingStatus }) {
  const { t } = useLang();
  return <Tag color={COLORS[status]} data-status={status}>{t(`ui.status.${status}`)}</Tag>;
}
