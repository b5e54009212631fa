// A rectification item typed in by hand (a problem found on site that is not a lead).
import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import type { RectificationItem } from '../../../shared/contract';
import { audit } from '../api';
import { DateField } from '../components/DateField';
import { YuanInput } from '../components/YuanInput';
import { useApp } from '../context';
import { useLang } from '../i18n';

const EMPTY = { township: '', village: '', description: '', unit: '', responsible: '', measures: '', dueDate: '', amount: null as number | null };

export function NewRectModal({ open, actor, onClose, onCreated }: { open: boolean; actor: string | null; onClose: () => void; onCreated: (item: RectificationItem) => void }) {
  const { t } = useLang();
  const app = useApp();
  const [v, setV] = useState(EMPTY);
  const set = (k: keyof typeof EMPTY, x: string | number | null) => setV((o) => ({ ...o, [k]: x }));
  const ok = !!actor && !!v.township.trim() && !!v.village.trim() && !!v.description.trim();
  const create = async () => {
    if (!ok || !actor) return;
    try {
      const item = await audit().createRectification({
        actor, township: v.township.trim(), village: v.village.trim(), description: v.description.trim(), unit: v.unit.trim() || `${v.township.trim()}${v.village.trim()}`,
        responsible: v.responsible.trim(), measures: v.measures.trim(), amountAtIssueFen: v.amount ?? 0, ...(v.dueDate ? { dueDate: v.dueDate } : {}),
      });
      setV(EMPTY);
      onCreated(item);
    } catch (e) { app.reportError(e); }
  };
  const req = { required: true, message: t('ui.rect.required') };
  return (
    <Modal open={open} title={t('ui.rect.new.title')} onCancel={onClose} onOk={create} okButtonProps={{ disabled: !ok, 'data-testid': 'rect-new-ok' }} width={620}>
      <Form layout="vertical" size="small">
        <Form.Item label={t('ui.col.township')} rules={[req]} required><Input value={v.township} onChange={(e) => set('township', e.target.value)} data-testid="rect-new-township" /></Form.Item>
        <Form.Item label={t('ui.col.village')} required><Input value={v.village} onChange={(e) => set('village', e.target.value)} data-testid="rect-new-village" /></Form.Item>
        <Form.Item label={t('ui.rect.col.description')} required><Input.TextArea rows={3} value={v.description} onChange={(e) => set('description', e.target.value)} data-testid="rect-new-description" /></Form.Item>
        <Form.Item label={t('ui.rect.col.unit')}><Input value={v.unit} onChange={(e) => set('unit', e.target.value)} /></Form.Item>
        <Form.Item label={t('ui.rect.col.responsible')}><Input value={v.responsible} onChange={(e) => set('responsible', e.target.value)} /></Form.Item>
        <Form.Item label={t('ui.rect.col.measures')}><Input.TextArea rows={2} value={v.measures} onChange={(e) => set('measures', e.target.value)} /></Form.Item>
        <Form.Item label={t('ui.rect.col.due')}><DateField value={v.dueDate || null} onChange={(d) => set('dueDate', d ?? '')} testId="rect-new-due" /></Form.Item>
        <Form.Item label={t('ui.rect.new.atIssueYuan')}><YuanInput fen={v.amount} onChange={(f) => set('amount', f)} /></Form.Item>
      </Form>
    </Modal>
  );
}
