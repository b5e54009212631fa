// 整改台账 (挂单销号): the state of the ledger in numbers and over time, money recovered per
// township and village, every item with the overdue ones highlighted, and the .xlsx export.
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Col, Empty, Row, Select, Space, Switch, Typography } from 'antd';
import type { RectificationItem, RectificationProgressPoint, RectificationSummaryRow } from '../../../shared/contract';
import { zh } from '../../../shared/i18n/messages';
import { audit } from '../api';
import { useApp } from '../context';
import { useReviewer } from '../findings/useReviewer';
import { useLang } from '../i18n';
import { NewRectModal } from '../rectification/NewRectModal';
import { RectItemDrawer } from '../rectification/RectItemDrawer';
import { RectItemsTable } from '../rectification/RectItemsTable';
import { RectProgressChart } from '../rectification/RectProgressChart';
import { RectStats } from '../rectification/RectStats';
import { RectSummaryTable } from '../rectification/RectSummaryTable';

export function RectificationScreen() {
  const { t } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const reviewer = useReviewer();
  const [items, setItems] = useState<RectificationItem[] | null>(null);
  const [summary, setSummary] = useState<RectificationSummaryRow[]>([]);
  const [points, setPoints] = useState<RectificationProgressPoint[]>([]);
  const [township, setTownship] = useState('');
  const [openOnly, setOpenOnly] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    const tw = township ? { township } : {};
    Promise.all([audit().listRectifications(tw), audit().rectificationSummary(), audit().rectificationProgress(tw)]).then(([i, s, p]) => {
      if (!live) return;
      setItems(i);
      setSummary(s);
      setPoints(p);
    }).catch(app.reportError);
    return () => { live = false; };
  }, [township, version, app.dataVersion, app.reportError]);
  useEffect(() => {
    if (app.focus.rectification) {
      setOpenId(app.focus.rectification);
      app.clearFocus();
    }
  }, [app.focus.rectification]);

  const townships = [...new Set(summary.map((r) => r.township))];
  const rows = summary.filter((r) => !township || r.township === township);
  const shown = (items ?? []).filter((i) => !openOnly || !i.closed);
  const exportLedger = async () => {
    try {
      const path = await audit().chooseSaveFile({ defaultName: `${zh('rect.sheet')}${township ? `-${township}` : ''}.xlsx`, title: t('ui.rect.export') });
      if (!path) return;
      const r = await audit().exportRectifications({ path, ...(township ? { township } : {}) });
      void message.success(t('ui.rect.exported', { count: r.items, path: r.path }), 6);
    } catch (e) { app.reportError(e); }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rect-screen">
      <Space wrap>
        <Select style={{ width: 140 }} value={township} onChange={setTownship} data-testid="rect-township"
          options={[{ value: '', label: t('ui.lead.allTownships') }, ...townships.map((x) => ({ value: x, label: x }))]} />
        <Button onClick={() => reviewer.withReviewer(() => setCreating(true))} data-testid="rect-new">{t('ui.rect.new')}</Button>
        <Button onClick={exportLedger} disabled={!items || items.length === 0} data-testid="rect-export">{t('ui.rect.export')}</Button>
        {reviewer.name && <Typography.Text type="secondary">{t('ui.reviewer.current', { name: reviewer.name })}</Typography.Text>}
      </Space>
      {items && items.length === 0 && !township ? <Empty description={t('ui.rect.none')} /> : (
        <>
          <RectStats rows={rows} />
          <Row gutter={12}>
            <Col span={10}>
              <Card size="small" title={t('ui.rect.chart.title')}>
                {points.length > 0 ? <RectProgressChart points={points} /> : <Empty description={t('ui.rect.chart.empty')} />}
              </Card>
            </Col>
            <Col span={14}>
              <Card size="small" title={t('ui.rect.summary.title')}><RectSummaryTable rows={rows} /></Card>
            </Col>
          </Row>
          <Card size="small" title={t('ui.rect.list.title')} extra={<Space size={4}><Switch size="small" checked={openOnly} onChange={setOpenOnly} data-testid="rect-open-only" />{t('ui.rect.openOnly')}</Space>}>
            <RectItemsTable items={shown} loading={!items} onOpen={setOpenId} />
          </Card>
        </>
      )}
      <RectItemDrawer item={(items ?? []).find((i) => i.id === openId) ?? null} withReviewer={reviewer.withReviewer} onClose={() => setOpenId(null)} onChanged={reload} />
      <NewRectModal open={creating} actor={reviewer.name} onClose={() => setCreating(false)} onCreated={(i) => { setCreating(false); void message.success(t('ui.rect.new.created', { id: i.id })); reload(); setOpenId(i.id); }} />
      {reviewer.modal}
    </Space>
  );
}
