// 线索来源 for new leads (e.g. 村级财务审计 第三审计组), kept in the workspace's settings.
import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import { useLang } from '../i18n';

export function LeadSourceModal({ open, initial, onSave, onClose }: { open: boolean; initial: string; onSave: (source: string) => void; onClose: () => void }) {
  const { t } = useLang();
  const [value, setValue] = useState(initial);
  return (
    <Modal open={open} title={t('ui.lead.source.title')} onCancel={onClose} onOk={() => onSave(value.trim())} okButtonProps={{ disabled: !value.trim() }} destroyOnHidden
      afterOpenChange={(o) => o && setValue(initial)}>
      <Typography.Paragraph type="secondary">{t('ui.lead.source.hint')}</Typography.Paragraph>
      <Input value={value} onChange={(e) => setValue(e.target.value)} data-testid="lead-source-setting" onPressEnter={() => value.trim() && onSave(value.trim())} />
    </Modal>
  );
}
