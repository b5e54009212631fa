// A lead's page: every field of the commission's form (线索编号, 被反映人, 单位和职务, 线索来源,
// 收到时间, 反映的主要问题, 涉及金额, 证据, 处置建议, 备注), editable until merged; the findings
// behind it (split some off), the versions handed over, and its trail.
import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Collapse, Descriptions, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { DISPOSITIONS, type CaseLead, type Disposition, type LeadPatch, type LeadPerson, type RectificationItem, type TrailEntry } from '../../../shared/contract';
import { audit } from '../api';
import { DateField } from '../components/DateField';
import { TrailTable } from '../components/TrailTable';
import { textWidth } from '../components/measure';
import { useApp } from '../context';
import { formatFen, formatTimestamp } from '../format';
import { useLang } from '../i18n';
import { LeadEvidence } from './LeadEvidence';
import { LeadFindings } from './LeadFindings';
import { LeadStateTag } from './LeadStateTag';
import { PersonsEditor } from './PersonsEditor';

type Versions = Awaited<ReturnType<ReturnType<typeof audit>['getCaseLead']>>['versions'];
type Draft = Required<LeadPatch>;

const draftOf = (l: CaseLead): Draft => ({ persons: l.persons, problem: l.problem, disposition: l.disposition, remarks: l.remarks, source: l.source, receivedAt: l.receivedAt });

/** Only the fields the reviewer changed go to the engine (and to the trail). */
function changes(d: Draft, l: CaseLead): LeadPatch {
  const base = draftOf(l);
  const out: LeadPatch = {};
  if (JSON.stringify(d.persons) !== JSON.stringify(base.persons)) out.persons = d.persons;
  for (const k of ['problem', 'disposition', 'remarks', 'source', 'receivedAt'] as const) if (d[k] !== base[k]) (out as Record<string, unknown>)[k] = d[k];
  return out;
}

interface Props {
  number: string | null;
  rect: RectificationItem | null;
  withReviewer: (action: (name: string) => void) => void;
  onClose: () => void;
  /** After a save, split, or a new rectification item: the list reloads. */
  onChanged: (openNumber?: string) => void;
}

export function LeadDrawer({ number, rect, withReviewer, onClose, onChanged }: Props) {
  const { t, lang } = useLang();
  const app = useApp();
  const { message, modal } = AntApp.useApp();
  const [lead, setLead] = useState<CaseLead | null>(null);
  const [versions, setVersions] = useState<Versions>([]);
  const [trail, setTrail] = useState<TrailEntry[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    if (!number) return;
    let live = true;
    Promise.all([audit().getCaseLead({ number }), audit().listTrail({ entity: 'lead', entityId: number })]).then(([g, tr]) => {
      if (!live) return;
      setLead(g.lead);
      setVersions(g.versions);
      setDraft(draftOf(g.lead));
      setTrail(tr);
    }).catch(app.reportError);
    return () => { live = false; };
  }, [number, reload, app.reportError]);

  const shown = lead && lead.number === number ? lead : null;
  const patch = shown && draft ? changes(draft, shown) : {};
  const dirty = Object.keys(patch).length > 0;
  const editable = !!shown && shown.status === 'open';
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));

  const save = () => shown && withReviewer(async (actor) => {
    try {
      const l = await audit().updateCaseLead({ number: shown.number, actor, patch });
      void message.success(t('ui.lead.saved', { number: l.number }));
      setReload((x) => x + 1);
      onChanged();
    } catch (e) { app.reportError(e); }
  });
  const split = (ids: string[]) => shown && withReviewer(async (actor) => {
    const ok = await modal.confirm({
      title: t('ui.lead.split.confirm', { count: ids.length, number: shown.number }),
      content: t('ui.lead.split.what', { count: ids.length, number: shown.number }),
      okText: t('ui.lead.split', { count: ids.length }), okButtonProps: { ...{ 'data-testid': 'split-confirm-ok' } },
    });
    if (!ok) return;
    try {
      const l = await audit().splitCaseLead({ number: shown.number, findingIds: ids, actor });
      void message.success(t('ui.lead.splitDone', { number: l.number }));
      setReload((x) => x + 1);
      onChanged();
    } catch (e) { app.reportError(e); }
  });
  const toRect = () => shown && withReviewer(async (actor) => {
    try {
      const r = await audit().createRectification({ leadNumber: shown.number, actor });
      void message.success(t('ui.lead.toRectDone', { id: r.id }));
      onChanged();
    } catch (e) { app.reportError(e); }
  });

  const lastFrozen = versions[versions.length - 1];
  return (
    <Drawer
      open={!!number}
      onClose={onClose}
      size={920}
      destroyOnHidden
      title={shown ? <Space>{t('ui.lead.page.title', { number: shown.number })}<LeadStateTag lead={shown} /></Space> : t('ui.loading')}
      extra={shown && (
        <Space>
          {rect
            ? <Button onClick={() => app.openRectification(rect.id)} data-testid="lead-open-rect">{t('ui.lead.rectLinked', { id: rect.id })}</Button>
            : <Button disabled={!editable} onClick={toRect} data-testid="lead-to-rect">{t('ui.lead.toRect')}</Button>}
          <Button type="primary" disabled={!editable || !dirty} onClick={save} data-testid="lead-save">{t('ui.lead.save')}</Button>
        </Space>
      )}
    >
      {shown && draft && (
        <div data-testid="lead-page" data-lead={shown.number}>
          {shown.status === 'merged' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('ui.lead.mergedNote', { number: shown.mergedInto ?? '' })} />}
          {shown.withdrawn && <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="lead-withdrawn" title={t('ui.lead.withdrawn')} />}
          {shown.corrections.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="lead-correction" title={t('ui.lead.correction', { version: shown.version })}
              description={<ul style={{ paddingInlineStart: 18, margin: 0 }}>{shown.corrections.map((c, i) => <li key={i}>{c[lang]}</li>)}</ul>} />
          )}
          {shown.mergedFrom.length > 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="lead-merged-from"
              title={shown.mergedFrom.map((n) => t('lead.merged-note', { number: n, into: shown.number })).join(t('fmt.items'))} />
          )}
          {shown.frozen && lastFrozen && (
            <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="lead-frozen"
              title={t('ui.lead.frozenNote', { at: formatTimestamp(lastFrozen.frozenAt), version: shown.version, next: shown.version + 1 })} />
          )}
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }} items={[
            { key: 'number', label: t('ui.lead.field.number'), children: <span className="va-mono" data-testid="lead-number">{shown.number}</span> },
            { key: 'place', label: t('ui.col.village'), children: `${shown.township} ${shown.village}` },
            { key: 'amount', label: t('ui.lead.field.amount'), children: <b className="va-amount" data-testid="lead-amount">{formatFen(shown.amountFen)}</b> },
            { key: 'names', label: t('ui.lead.field.personNames'), span: 3, children: <span data-testid="lead-person-names">{shown.personNames || '—'}</span> },
            { key: 'posts', label: t('ui.lead.field.unitAndPosts'), span: 3, children: shown.unitAndPosts || '—' },
          ]} />
          <Form layout="vertical" size="small" disabled={!editable}>
            <Form.Item label={t('ui.lead.persons.edit')}>
              <PersonsEditor persons={draft.persons} village={shown.village} disabled={!editable} onChange={(p: LeadPerson[]) => set('persons', p)} />
            </Form.Item>
            <Space size="large" wrap>
              <Form.Item label={t('ui.lead.field.source')} style={{ minWidth: 300 }}>
                <Input value={draft.source} onChange={(e) => set('source', e.target.value)} data-testid="lead-source" />
              </Form.Item>
              <Form.Item label={t('ui.lead.field.receivedAt')}>
                <DateField value={draft.receivedAt} required onChange={(d) => d && set('receivedAt', d)} testId="lead-received" />
              </Form.Item>
              <Form.Item label={t('ui.lead.field.disposition')}>
                <Select<Disposition> style={{ width: Math.max(140, ...DISPOSITIONS.map((d) => Math.ceil(textWidth(t(`ui.lead.disposition.${d}`)) + 44))) }} value={draft.disposition} onChange={(v) => set('disposition', v)} data-testid="lead-disposition"
                  options={DISPOSITIONS.map((d) => ({ value: d, label: t(`ui.lead.disposition.${d}`) }))} />
              </Form.Item>
            </Space>
            <Form.Item label={t('ui.lead.field.problem')}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} value={draft.problem} onChange={(e) => set('problem', e.target.value)} data-testid="lead-problem" />
            </Form.Item>
            <Form.Item label={t('ui.lead.field.remarks')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} value={draft.remarks} onChange={(e) => set('remarks', e.target.value)} data-testid="lead-remarks" />
            </Form.Item>
          </Form>
          <Typography.Title level={5}>{t('ui.lead.field.evidence')}</Typography.Title>
          <LeadEvidence evidence={shown.evidence} />
          <Typography.Title level={5}>{t('ui.lead.field.findings')}</Typography.Title>
          <LeadFindings findingIds={shown.findingIds} canSplit={editable} onSplit={split} />
          <Collapse size="small" style={{ marginTop: 16 }} defaultActiveKey={['trail']} items={[
            ...(versions.length > 0 ? [{
              key: 'versions', label: `${t('ui.lead.versions')} (${versions.length})`, children: (
                <Space orientation="vertical" style={{ width: '100%' }} data-testid="lead-versions">
                  {versions.map((v) => (
                    <div key={v.version}>
                      <Typography.Text strong>{t('ui.lead.version.item', { version: v.version, at: formatTimestamp(v.frozenAt), handoff: v.handoffId ?? '—' })}</Typography.Text>
                      <Descriptions size="small" column={1} items={[
                        { key: 'p', label: t('ui.lead.field.personNames'), children: v.lead.personNames },
                        { key: 'a', label: t('ui.lead.field.amount'), children: formatFen(v.lead.amountFen) },
                        { key: 'd', label: t('ui.lead.field.disposition'), children: t(`ui.lead.disposition.${v.lead.disposition}`) },
                        { key: 'q', label: t('ui.lead.field.problem'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v.lead.problem}</Typography.Paragraph> },
                      ]} />
                    </div>
                  ))}
                </Space>
              ),
            }] : []),
            { key: 'trail', label: `${t('ui.lead.trail')} (${trail.length})`, children: <TrailTable entries={trail} showEntity={false} testId="lead-trail" /> },
          ]} />
        </div>
      )}
    </Drawer>
  );
}
