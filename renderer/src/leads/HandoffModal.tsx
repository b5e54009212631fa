// 移交: per township one package (.xlsx, .csv, PDF 移交清单) written to a folder the user picks;
// the handoff is recorded with its files' SHA-256 and the leads are sealed.
import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import type { CaseLead, HandoffRecord } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { formatFen } from '../format';
import { useLang } from '../i18n';

const FROM_UNIT_KEY = 'va.fromUnit';

interface Props {
  open: boolean;
  leads: CaseLead[];
  handedBy: string | null;
  onClose: () => void;
  onDone: (records: HandoffRecord[]) => void;
}

export function HandoffModal({ open, leads, handedBy, onClose, onDone }: Props) {
  const { t } = useLang();
  const app = useApp();
  // Only what the commission does not hold yet: leads never handed over, or changed since.
  const pending = leads.filter((l) => l.status === 'open' && !l.frozen);
  const townships = [...new Set(pending.map((l) => l.township))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const [township, setTownship] = useState<string>('');
  const [fromUnit, setFromUnit] = useState(() => localStorage.getItem(FROM_UNIT_KEY) ?? '');
  const [pdf, setPdf] = useState(true);
  const [busy, setBusy] = useState(false);
  const chosen = pending.filter((l) => !township || l.township === township);
  const corrections = chosen.filter((l) => l.version > 1).length;
  const amount = chosen.reduce((s, l) => s + l.amountFen, 0);

  const go = async () => {
    if (!handedBy) return;
    try {
      const dir = await audit().chooseDirectory({ title: t('ui.handoff.title') });
      if (!dir) return;
      setBusy(true);
      if (fromUnit.trim()) localStorage.setItem(FROM_UNIT_KEY, fromUnit.trim());
      const records = await audit().handoffLeads({ dir, handedBy, pdf, ...(township ? { township } : {}), ...(fromUnit.trim() ? { fromUnit: fromUnit.trim() } : {}) });
      onDone(records);
    } catch (e) {
      app.reportError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('ui.handoff.title')} onCancel={onClose} onOk={go} okText={t('ui.handoff.choose')} confirmLoading={busy}
      okButtonProps={{ disabled: chosen.length === 0 || !handedBy, 'data-testid': 'handoff-go' }} width={560}>
      <Typography.Paragraph type="secondary">{t('ui.handoff.intro')}</Typography.Paragraph>
      <Form layout="vertical" size="small">
        <Form.Item label={t('ui.handoff.township')}>
          <Select value={township} onChange={setTownship} data-testid="handoff-township"
            options={[{ value: '', label: t('ui.lead.allTownships') }, ...townships.map((x) => ({ value: x, label: x }))]} />
        </Form.Item>
        <Form.Item label={t('ui.handoff.fromUnit')}>
          <Input value={fromUnit} placeholder={t('ui.handoff.fromUnit.placeholder')} onChange={(e) => setFromUnit(e.target.value)} data-testid="handoff-from" />
        </Form.Item>
        <Form.Item label={t('ui.handoff.handedBy')}>
          <Input value={handedBy ?? ''} disabled />
        </Form.Item>
        <Checkbox checked={pdf} onChange={(e) => setPdf(e.target.checked)}>{t('ui.handoff.pdf')}</Checkbox>
      </Form>
      <Alert style={{ marginTop: 12 }} type="info" title={t('ui.handoff.summary', { count: chosen.length, amount: formatFen(amount) })}
        description={corrections > 0 ? t('ui.handoff.corrections', { count: corrections }) : undefined} data-testid="handoff-summary" />
    </Modal>
  );
}
