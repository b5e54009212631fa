// Merge conflicts to resolve: both sides side by side (decision, note, who, when, which group);
// a review conflict is decided by confirming or dismissing (a dismissal asks its reason, a finding
// behind a lead asks the reviewer to acknowledge the correction), a lead or item conflict by
// keeping this workspace's record.
import { useState } from 'react';
import { App as AntApp, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ConflictSide, MergeConflict } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';
import { useReviewer } from '../findings/useReviewer';
import { useLang } from '../i18n';

function Side({ s }: { s: ConflictSide }) {
  const { lang } = useLang();
  return (
    <div>
      <Typography.Text strong>{s.summary[lang]}</Typography.Text>
      {s.note && <Typography.Text type="secondary">{` · ${s.note}`}</Typography.Text>}
      <div style={{ fontSize: 12 }}><Typography.Text type="secondary">{`${s.actor} ${s.at.slice(0, 16).replace('T', ' ')} · ${s.group}`}</Typography.Text></div>
    </div>
  );
}

export function ConflictList({ conflicts, onResolved }: { conflicts: MergeConflict[]; onResolved: () => void }) {
  const { t, lang } = useLang();
  const app = useApp();
  const { modal } = AntApp.useApp();
  const reviewer = useReviewer();
  const [dismissing, setDismissing] = useState<MergeConflict | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<number | null>(null);

  const resolve = (c: MergeConflict, decision?: 'confirmed' | 'dismissed', why?: string, acknowledgeLeads = false) => reviewer.withReviewer(async (actor) => {
    setBusy(c.id);
    try {
      await audit().resolveConflict({ id: c.id, actor, ...(decision ? { decision } : {}), ...(why ? { note: why } : {}), ...(acknowledgeLeads ? { acknowledgeLeads } : {}) });
      app.dataChanged();
      onResolved();
    } catch (e) {
      // A finding behind a lead: say which leads change, and go on only when the reviewer agrees.
      if ((e as { code?: string }).code === 'conflict' && decision && !acknowledgeLeads) {
        modal.confirm({ title: t('ui.conflict.backs-lead'), content: errorText(e, lang), okText: t('ui.conflict.go-on'), onOk: () => resolve(c, decision, why, true) });
      } else app.reportError(e);
    } finally {
      setBusy(null);
    }
  });

  return (
    <>
      <Table<MergeConflict> size="small" rowKey="id" pagination={false} dataSource={conflicts} data-testid="conflict-list"
        columns={[
          { key: 'what', title: t('ui.conflict.col.what'), render: (_, c) => <span data-testid="conflict-what">{c.what[lang]}</span> },
          { key: 'local', title: t('ui.conflict.col.local'), width: 220, render: (_, c) => <Side s={c.local} /> },
          { key: 'incoming', title: t('ui.conflict.col.incoming'), width: 220, render: (_, c) => <Side s={c.incoming} /> },
          {
            key: 'act', title: '', width: 190, render: (_, c) => (c.resolvedAt
              ? <Tag color="green">{t('ui.conflict.resolved', { by: c.resolvedBy ?? '' })}</Tag>
              : c.kind === 'review'
                ? (
                  <Space size={4}>
                    <Button size="small" loading={busy === c.id} onClick={() => resolve(c, 'confirmed')} data-testid="conflict-confirm">{t('ui.conflict.confirm')}</Button>
                    <Button size="small" onClick={() => { setNote(''); setDismissing(c); }} data-testid="conflict-dismiss">{t('ui.conflict.dismiss')}</Button>
                  </Space>
                )
                : <Button size="small" loading={busy === c.id} onClick={() => resolve(c)} data-testid="conflict-keep">{t('ui.conflict.keep')}</Button>),
          },
        ]} />
      <Modal open={dismissing !== null} title={t('ui.conflict.dismiss')} okButtonProps={{ disabled: !note.trim(), 'data-testid': 'conflict-dismiss-ok' }}
        onCancel={() => setDismissing(null)} onOk={() => { const c = dismissing; setDismissing(null); if (c) resolve(c, 'dismissed', note.trim()); }}>
        <Input.TextArea autoFocus rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('ui.conflict.dismiss.reason')} data-testid="conflict-dismiss-note" />
      </Modal>
      {reviewer.modal}
    </>
  );
}
