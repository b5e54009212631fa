// One item of the ledger: what is to be fixed, by whom, how and by when; progress and money
// recovered; evidence files (copied into the workspace by hash); 销号 with evidence or a note,
// after which the item is frozen; and its trail.
import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Descriptions, Drawer, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { RECT_PROGRESS, type RectificationItem, type RectProgress, type TrailEntry } from '../../../shared/contract';
import { audit } from '../api';
import { TrailTable } from '../components/TrailTable';
import { DateField } from '../components/DateField';
import { YuanInput } from '../components/YuanInput';
import { useApp } from '../context';
import { formatFen, formatTimestamp } from '../format';
import { useLang } from '../i18n';
import { RectProgressTag } from './RectProgressTag';

type Draft = Pick<RectificationItem, 'description' | 'unit' | 'responsible' | 'measures' | 'dueDate' | 'progress' | 'recoveredFen'>;
const draftOf = (i: RectificationItem): Draft => ({ description: i.description, unit: i.unit, responsible: i.responsible, measures: i.measures, dueDate: i.dueDate, progress: i.progress, recoveredFen: i.recoveredFen });

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface Props {
  item: RectificationItem | null;
  withReviewer: (action: (name: string) => void) => void;
  onClose: () => void;
  onChanged: () => void;
}

export function RectItemDrawer({ item, withReviewer, onClose, onChanged }: Props) {
  const { t } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [note, setNote] = useState('');
  const [trail, setTrail] = useState<TrailEntry[]>([]);
  const key = item ? `${item.id}@${item.updatedAt}` : '';
  useEffect(() => {
    if (!item) return;
    setDraft(draftOf(item));
    setNote('');
    audit().listTrail({ entity: 'rectification', entityId: String(item.id) }).then(setTrail).catch(app.reportError);
  }, [key, app.reportError]);

  const base = item ? draftOf(item) : null;
  const patch = draft && base ? Object.fromEntries(Object.entries(draft).filter(([k, v]) => v !== base[k as keyof Draft])) as Partial<Draft> : {};
  const dirty = Object.keys(patch).length > 0;
  const editable = !!item && !item.closed;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));
  const run = (fn: (actor: string) => Promise<unknown>, done: string) => withReviewer(async (actor) => {
    try {
      await fn(actor);
      void message.success(done);
      onChanged();
    } catch (e) { app.reportError(e); }
  });
  if (!item) return <Drawer open={false} />;
  const id = item.id;

  const save = () => run((actor) => audit().updateRectification({ id, patch, actor }), t('ui.rect.item.saved', { id }));
  const addEvidence = () => withReviewer(async (actor) => {
    try {
      const paths = await audit().chooseFiles({ kind: 'evidence', multiple: true });
      for (const path of paths) await audit().addRectificationEvidence({ id, path, actor });
      if (paths.length > 0) {
        void message.success(t('ui.rect.item.evidence.added', { count: paths.length }));
        onChanged();
      }
    } catch (e) { app.reportError(e); }
  });
  // Evidence stays readable after 销号: a copy goes wherever the user saves it, hash-checked.
  const saveEvidence = async (e: RectificationItem['evidence'][number]) => {
    try {
      const path = await audit().chooseSaveFile({ defaultName: e.name, title: t('ui.rect.item.evidence.saveTitle') });
      if (!path) return;
      const saved = await audit().saveRectificationEvidence({ evidenceId: e.id, path });
      void message.success(t('ui.rect.item.evidence.saved', { name: saved.name, path: saved.path }));
    } catch (err) { app.reportError(err); }
  };
  const close = () => run((actor) => audit().closeRectification({ id, actor, ...(note.trim() ? { note: note.trim() } : {}) }), t('ui.rect.item.closedDone', { id }));
  const canClose = item.evidence.length > 0 || note.trim().length > 0;

  return (
    <Drawer open onClose={onClose} size={860} title={<Space>{t('ui.rect.item.title', { id })}<RectProgressTag item={item} /></Space>}
      extra={<Button type="primary" disabled={!editable || !dirty} onClick={save} data-testid="rect-save">{t('ui.rect.item.save')}</Button>}>
      {draft && (
        <div data-testid="rect-item" data-rect={id}>
          {item.basisChanged.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="rect-basis-changed" title={t('ui.rect.item.basisChanged')}
              description={<ul style={{ paddingInlineStart: 18, margin: 0 }}>{item.basisChanged.map((b, i) => (
                <li key={i}>{t('ui.rect.item.basisChange', { at: formatTimestamp(b.at), actor: b.actor, id: b.findingId.slice(0, 8), status: t(`ui.status.${b.decision}`), note: b.note ?? '—' })}</li>
              ))}</ul>} />
          )}
          {item.closed && (
            <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="rect-closed"
              title={t('ui.rect.item.closed', { by: item.closedBy ?? '', at: formatTimestamp(item.closedAt ?? '') })} description={item.closeNote ?? undefined} />
          )}
          <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }} items={[
            { key: 'place', label: t('ui.col.village'), children: `${item.township} ${item.village}` },
            { key: 'lead', label: t('ui.rect.col.lead'), children: item.leadNumber ? <Typography.Link onClick={() => app.openLead(item.leadNumber as string)}>{item.leadNumber}</Typography.Link> : '—' },
            { key: 'amount', label: t('ui.rect.col.atIssue'), children: <b className="va-amount" data-testid="rect-at-issue">{formatFen(item.amountAtIssueFen)}</b> },
          ]} />
          <Form layout="vertical" size="small" disabled={!editable}>
            <Form.Item label={t('ui.rect.col.description')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} value={draft.description} onChange={(e) => set('description', e.target.value)} />
            </Form.Item>
            <Space size="large" wrap>
              <Form.Item label={t('ui.rect.col.unit')}><Input style={{ width: 200 }} value={draft.unit} onChange={(e) => set('unit', e.target.value)} /></Form.Item>
              <Form.Item label={t('ui.rect.col.responsible')}><Input style={{ width: 260 }} value={draft.responsible} onChange={(e) => set('responsible', e.target.value)} data-testid="rect-responsible" /></Form.Item>
              <Form.Item label={t('ui.rect.col.due')}>
                <DateField value={draft.dueDate} onChange={(d) => set('dueDate', d)} testId="rect-due" />
              </Form.Item>
            </Space>
            <Form.Item label={t('ui.rect.col.measures')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} value={draft.measures} onChange={(e) => set('measures', e.target.value)} data-testid="rect-measures" />
            </Form.Item>
            <Space size="large" wrap>
              <Form.Item label={t('ui.rect.col.progress')}>
                <Select<RectProgress> style={{ width: 140 }} value={draft.progress} onChange={(v) => set('progress', v)} data-testid="rect-progress"
                  options={RECT_PROGRESS.map((p) => ({ value: p, label: t(`ui.rect.progress.${p}`) }))} />
              </Form.Item>
              <Form.Item label={t('ui.rect.item.recoveredYuan')}>
                <YuanInput fen={draft.recoveredFen} onChange={(f) => set('recoveredFen', f ?? 0)} disabled={!editable} testId="rect-recovered" />
              </Form.Item>
            </Space>
          </Form>
          <Typography.Title level={5}>{t('ui.rect.col.evidence')}</Typography.Title>
          <Table<RectificationItem['evidence'][number]> size="small" rowKey="id" pagination={false} showHeader={false} data-testid="rect-evidence" dataSource={item.evidence}
            locale={{ emptyText: t('ui.rect.item.evidence.none') }}
            columns={[
              { key: 'what', render: (_, e) => t('ui.rect.item.evidence.item', { name: e.name, size: sizeText(e.size), by: e.addedBy, at: formatTimestamp(e.addedAt) }) },
              { key: 'sha', width: 220, render: (_, e) => <Typography.Text type="secondary" className="va-mono" style={{ fontSize: 12 }}>SHA-256 {e.sha256.slice(0, 16)}…</Typography.Text> },
              { key: 'save', width: 90, render: (_, e) => <Button type="link" size="small" onClick={() => void saveEvidence(e)} data-testid={`rect-evidence-save-${e.id}`}>{t('ui.rect.item.evidence.save')}</Button> },
            ]} />
          {editable && <Button style={{ marginTop: 8 }} onClick={addEvidence} data-testid="rect-add-evidence">{t('ui.rect.item.evidence.add')}</Button>}
          {editable && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>{t('ui.rect.item.close.title')}</Typography.Title>
              <Input.TextArea rows={2} value={note} placeholder={t('ui.rect.item.close.note')} onChange={(e) => setNote(e.target.value)} data-testid="rect-close-note" />
              <Space style={{ marginTop: 8 }}>
                <Popconfirm title={t('ui.rect.item.close.confirm')} onConfirm={close} okButtonProps={{ 'data-testid': 'rect-close-confirm' }} disabled={!canClose || dirty}>
                  <Button danger disabled={!canClose || dirty} data-testid="rect-close">{t('ui.rect.item.close.button')}</Button>
                </Popconfirm>
                {!canClose && <Typography.Text type="secondary">{t('ui.rect.item.close.needs')}</Typography.Text>}
              </Space>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('ui.rect.item.trail')}</Typography.Title>
          <TrailTable entries={trail} showEntity={false} testId="rect-trail" />
        </div>
      )}
    </Drawer>
  );
}
