// 问题线索: build leads from confirmed findings, open and edit each one, merge and split, hand
// them over per township (files + a handoff sheet to sign), and see handoffs, roster and trail.
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, Empty, Select, Space, Switch, Tabs, Tooltip, Typography } from 'antd';
import type { CaseLead, HandoffRecord, RectificationItem } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { useReviewer } from '../findings/useReviewer';
import { formatFen } from '../format';
import { useLang } from '../i18n';
import { CadresPanel } from '../leads/CadresPanel';
import { HandoffList } from '../leads/HandoffList';
import { HandoffModal } from '../leads/HandoffModal';
import { LeadDrawer } from '../leads/LeadDrawer';
import { LeadSourceModal } from '../leads/LeadSourceModal';
import { LeadsTable } from '../leads/LeadsTable';
import { WholeTrail } from '../leads/WholeTrail';

export function LeadsScreen() {
  const { t } = useLang();
  const app = useApp();
  const { message, modal } = AntApp.useApp();
  const reviewer = useReviewer();
  const [leads, setLeads] = useState<CaseLead[] | null>(null);
  const [rects, setRects] = useState<RectificationItem[]>([]);
  const [handoffs, setHandoffs] = useState<HandoffRecord[]>([]);
  const [township, setTownship] = useState('');
  const [showMerged, setShowMerged] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [openNumber, setOpenNumber] = useState<string | null>(null);
  const [tab, setTab] = useState('leads');
  const [handoffOpen, setHandoffOpen] = useState(false);
  const [sourceOpen, setSourceOpen] = useState(false);
  const [source, setSource] = useState('');
  const [version, setVersion] = useState(0);
  const [building, setBuilding] = useState(false);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([audit().listCaseLeads({ includeMerged: true }), audit().listRectifications({}), audit().listHandoffs()]).then(([l, r, h]) => {
      if (!live) return;
      setLeads(l);
      setRects(r);
      setHandoffs(h);
    }).catch(app.reportError);
    return () => { live = false; };
  }, [version, app.dataVersion, app.reportError]);
  // Arriving from elsewhere (a rectification item's lead): open that lead's page.
  useEffect(() => {
    if (app.focus.lead) {
      setOpenNumber(app.focus.lead);
      setTab('leads');
      app.clearFocus();
    }
  }, [app.focus.lead]);

  const all = leads ?? [];
  const townships = [...new Set(all.map((l) => l.township))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const shown = all.filter((l) => (showMerged || l.status === 'open') && (!township || l.township === township));
  const open = shown.filter((l) => l.status === 'open');
  const amount = open.reduce((s, l) => s + l.amountFen, 0);

  const build = () => reviewer.withReviewer(async (actor) => {
    setBuilding(true);
    try {
      const made = await audit().buildCaseLeads({ actor });
      if (made.length === 0) void message.info(t('ui.lead.builtNone'), 6);
      else void message.success(t('ui.lead.built', { count: made.length, numbers: made.slice(0, 5).join(t('fmt.list')) + (made.length > 5 ? '…' : '') }));
      reload();
    } catch (e) { app.reportError(e); } finally { setBuilding(false); }
  });
  const merge = () => reviewer.withReviewer(async (actor) => {
    const picked = all.filter((l) => selected.includes(l.number));
    const ok = await modal.confirm({
      title: t('ui.lead.merge.confirm', { count: picked.length, into: selected[0] ?? '' }),
      content: t('ui.lead.merge.what', { numbers: selected.join(t('fmt.list')), amount: formatFen(picked.reduce((s, l) => s + l.amountFen, 0)), into: selected[0] ?? '' }),
      okText: t('ui.lead.merge', { count: picked.length }), okButtonProps: { ...{ 'data-testid': 'merge-confirm-ok' } },
    });
    if (!ok) return;
    try {
      const l = await audit().mergeCaseLeads({ numbers: selected, actor });
      void message.success(t('ui.lead.merged', { number: l.number }));
      setSelected([]);
      reload();
    } catch (e) { app.reportError(e); }
  });
  const saveSource = (source: string) => reviewer.withReviewer(async (actor) => {
    try {
      await audit().setLeadSource({ source, actor });
      setSourceOpen(false);
      void message.success(t('ui.lead.source.saved'));
    } catch (e) { app.reportError(e); }
  });
  const handedOver = (records: HandoffRecord[]) => {
    setHandoffOpen(false);
    void message.success(t('ui.handoff.done', { townships: records.length, count: records.reduce((s, r) => s + r.leadCount, 0) }), 6);
    setTab('handoffs');
    reload();
  };

  const leadsTab = (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select style={{ width: 140 }} value={township} onChange={setTownship} data-testid="leads-township"
          options={[{ value: '', label: t('ui.lead.allTownships') }, ...townships.map((x) => ({ value: x, label: x }))]} />
        <Space size={4}><Switch size="small" checked={showMerged} onChange={setShowMerged} />{t('ui.lead.showMerged')}</Space>
        <Typography.Text strong data-testid="leads-total">{t('ui.lead.total', { count: open.length, amount: formatFen(amount) })}</Typography.Text>
        {selected.length > 1 && (
          <Tooltip title={t('ui.lead.mergeHint')}><Button size="small" onClick={merge} data-testid="leads-merge">{t('ui.lead.merge', { count: selected.length })}</Button></Tooltip>
        )}
      </Space>
      {leads && all.length === 0
        ? <Empty description={t('ui.lead.none')} />
        : <LeadsTable leads={shown} rects={rects} loading={!leads} selected={selected} onSelect={setSelected} onOpen={setOpenNumber} />}
    </Space>
  );

  return (
    <div data-testid="leads-screen">
      <Space wrap style={{ marginBottom: 8 }}>
        <Button type="primary" onClick={build} loading={building} data-testid="leads-build">{building ? t('ui.lead.building') : t('ui.lead.build')}</Button>
        <Button onClick={() => reviewer.withReviewer(() => setHandoffOpen(true))} disabled={all.every((l) => l.status !== 'open' || l.frozen)} data-testid="leads-handoff">{t('ui.lead.handoff')}</Button>
        <Button onClick={() => audit().getLeadSource().then((s) => { setSource(s); setSourceOpen(true); }, app.reportError)} data-testid="leads-source">{t('ui.lead.source.button')}</Button>
        {reviewer.name && (
          <Typography.Text type="secondary">
            {t('ui.reviewer.current', { name: reviewer.name })} <Button size="small" type="link" onClick={reviewer.change}>{t('ui.reviewer.change')}</Button>
          </Typography.Text>
        )}
      </Space>
      <Tabs activeKey={tab} onChange={(k) => { setTab(k); reload(); }} items={[
        { key: 'leads', label: <span data-tab="leads">{t('ui.lead.tab.leads')}</span>, children: leadsTab },
        { key: 'handoffs', label: <span data-tab="handoffs">{`${t('ui.lead.tab.handoffs')} (${handoffs.length})`}</span>, children: <HandoffList records={handoffs} onOpenLead={setOpenNumber} /> },
        { key: 'cadres', label: <span data-tab="cadres">{t('ui.lead.tab.cadres')}</span>, children: <CadresPanel withReviewer={reviewer.withReviewer} /> },
        { key: 'trail', label: <span data-tab="trail">{t('ui.lead.tab.trail')}</span>, children: <WholeTrail version={version} /> },
      ]} />
      <LeadDrawer
        number={openNumber}
        rect={rects.find((r) => r.leadNumber === openNumber) ?? null}
        withReviewer={reviewer.withReviewer}
        onClose={() => setOpenNumber(null)}
        onChanged={reload}
      />
      <HandoffModal open={handoffOpen} leads={all} handedBy={reviewer.name} onClose={() => setHandoffOpen(false)} onDone={handedOver} />
      <LeadSourceModal open={sourceOpen} initial={source} onSave={saveSource} onClose={() => setSourceOpen(false)} />
      {reviewer.modal}
    </div>
  );
}
