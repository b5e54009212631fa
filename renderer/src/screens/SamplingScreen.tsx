// 抽样: vouchers drawn for pulling the paper, at random (seeded, extendable) or by monetary unit
// (each voucher's chance as its amount), from a population (place, dates, minimum amount, an
// account). Every draw and extension is in the trail with its seed and parameters, so anyone can
// draw the same vouchers again; the list of vouchers drawn is exported to tick off.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Col, Descriptions, Empty, Form, InputNumber, Radio, Row, Space, Table, Typography } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import type { LedgerFilter, LedgerPlace, Sample, SampleMethod, SamplePick, SamplePopulation, TrailEntry } from '../../../shared/contract';
import { audit } from '../api';
import { ExportButton } from '../components/ExportButton';
import { TrailTable } from '../components/TrailTable';
import { useApp } from '../context';
import { formatFen, formatTimestamp, yuanToFen } from '../format';
import { pick as inLang, useLang } from '../i18n';
import { useReviewer } from '../findings/useReviewer';
import { useWindowHeight } from '../findings/useWindowHeight';
import { LedgerFilterBar } from '../ledger/LedgerFilterBar';
import { useViewState } from '../view-state';

interface Draft {
  method: SampleMethod;
  size: number;
  seed: number | null;
  population: SamplePopulation;
}

const INITIAL: Draft = { method: 'random', size: 25, seed: null, population: {} };

export function SamplingScreen() {
  const { t, lang } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const reviewer = useReviewer();
  const [draft, setDraft] = useViewState<Draft>('sampling.draft', INITIAL);
  const [selectedId, setSelectedId] = useViewState<string | null>('sampling.selected', null);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [places, setPlaces] = useState<LedgerPlace[]>([]);
  const [trail, setTrail] = useState<TrailEntry[]>([]);
  const [busy, setBusy] = useState<'draw' | 'extend' | null>(null);
  const [add, setAdd] = useState(5);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    audit().listPlaces().then(setPlaces).catch(app.reportError);
  }, [app.dataVersion, app.reportError]);
  useEffect(() => {
    audit().listSamples().then((list) => {
      setSamples(list);
      setSelectedId((id) => (id && list.some((s) => s.id === id) ? id : list[list.length - 1]?.id ?? null));
    }).catch(app.reportError);
  }, [version, app.reportError]);
  const sample = samples.find((s) => s.id === selectedId) ?? null;
  useEffect(() => {
    if (!selectedId) return setTrail([]);
    audit().listTrail({ entity: 'sample', entityId: selectedId }).then(setTrail).catch(app.reportError);
  }, [selectedId, version, app.reportError]);

  const draw = () => reviewer.withReviewer(async (actor) => {
    setBusy('draw');
    try {
      const s = await audit().drawSample({ method: draft.method, size: draft.size, ...(draft.seed ? { seed: draft.seed } : {}), population: draft.population, actor });
      setSelectedId(s.id);
      setVersion((v) => v + 1);
      void message.success(t('ui.sample.drawn', { id: s.id, count: s.picks.length, seed: s.seed }));
    } catch (e) {
      app.reportError(e);
    } finally {
      setBusy(null);
    }
  });
  const extend = () => sample && reviewer.withReviewer(async (actor) => {
    setBusy('extend');
    try {
      const s = await audit().extendSample({ id: sample.id, add, actor });
      setVersion((v) => v + 1);
      void message.success(t('ui.sample.extended', { id: s.id, count: s.picks.length - sample.picks.length }));
    } catch (e) {
      app.reportError(e);
    } finally {
      setBusy(null);
    }
  });

  const population = draft.population;
  const setPopulation = (patch: Partial<SamplePopulation>) => setDraft((d) => ({ ...d, population: { ...d.population, ...patch } }));
  const filter: LedgerFilter = { township: population.township, village: population.village, account: population.account, dateFrom: population.dateFrom, dateTo: population.dateTo };
  return (
    <Row gutter={[12, 12]} data-testid="sampling-screen">
      <Col xs={24} xl={9}>
        <Card size="small" title={t('ui.sample.new')}>
          <Form layout="vertical" size="small">
            <Form.Item label={t('ui.sample.method')} style={{ marginBottom: 8 }}>
              <Radio.Group value={draft.method} onChange={(e) => setDraft((d) => ({ ...d, method: e.target.value as SampleMethod }))} data-testid="sample-method"
                options={[{ value: 'random', label: t('sample.method.random') }, { value: 'mus', label: t('sample.method.mus') }]} />
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>{t(draft.method === 'mus' ? 'ui.sample.mus.hint' : 'ui.sample.random.hint')}</Typography.Paragraph>
            </Form.Item>
            <Space size={12} wrap>
              <Form.Item label={t(draft.method === 'mus' ? 'ui.sample.units' : 'ui.sample.size')} style={{ marginBottom: 8 }}>
                <InputNumber min={1} max={10000} value={draft.size} onChange={(v) => setDraft((d) => ({ ...d, size: Number(v) || 1 }))} data-testid="sample-size" />
              </Form.Item>
              <Form.Item label={t('ui.sample.seed')} style={{ marginBottom: 8 }} tooltip={t('ui.sample.seed.hint')}>
                <InputNumber min={1} max={2 ** 31 - 1} style={{ width: lang === 'en' ? 190 : 150 }} placeholder={t('ui.sample.seed.auto')} value={draft.seed} precision={0}
                  onChange={(v) => setDraft((d) => ({ ...d, seed: v === null ? null : Number(v) }))} data-testid="sample-seed" />
              </Form.Item>
              <Form.Item label={t('ui.sample.min')} style={{ marginBottom: 8 }}>
                <InputNumber min={0} style={{ width: 130 }} value={population.minAmountFen === undefined ? null : population.minAmountFen / 100}
                  onChange={(v) => setPopulation({ minAmountFen: yuanToFen(v as number | null) })} data-testid="sample-min" />
              </Form.Item>
            </Space>
            <Form.Item label={t('ui.sample.population')} style={{ marginBottom: 8 }}>
              <LedgerFilterBar filter={filter} places={places} fields={['account', 'dates']}
                onChange={(f) => setPopulation({ township: f.township, village: f.village, account: f.account, dateFrom: f.dateFrom, dateTo: f.dateTo })} />
            </Form.Item>
            <Button type="primary" onClick={draw} loading={busy === 'draw'} data-testid="sample-draw">{t('ui.sample.draw')}</Button>
          </Form>
        </Card>
        <Card size="small" title={t('ui.sample.list')} style={{ marginTop: 12 }}>
          <Table<Sample>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={[...samples].reverse()}
            locale={{ emptyText: t('ui.sample.none') }}
            data-testid="samples-table"
            rowClassName={(s) => (s.id === selectedId ? 'va-row-active' : '')}
            onRow={(s) => ({ onClick: () => setSelectedId(s.id), style: { cursor: 'pointer' }, 'data-sample': s.id } as object)}
            columns={[
              { key: 'id', title: t('ui.sample.col.id'), dataIndex: 'id', width: 48 },
              { key: 'method', title: t('ui.sample.method'), width: 76, render: (_, s) => t(`ui.sample.short.${s.method}`) },
              { key: 'seed', title: t('ui.sample.seed'), dataIndex: 'seed', width: 104, className: 'va-mono' },
              { key: 'picks', title: t('ui.sample.col.picks'), width: lang === 'en' ? 92 : 72, align: 'right', render: (_, s) => s.picks.length },
              { key: 'by', title: t('ui.sample.col.by'), dataIndex: 'createdBy', ellipsis: true },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={15}>
        {!sample ? <Card size="small"><Empty description={t('ui.sample.none')} /></Card> : (
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            <Card size="small" title={t('ui.sample.title', { id: sample.id })} data-testid="sample-detail" data-sample={sample.id}
              extra={(
                <Space size={6}>
                  <InputNumber size="small" min={1} max={10000} value={add} onChange={(v) => setAdd(Number(v) || 1)} style={{ width: 70 }} data-testid="sample-add" />
                  <Button size="small" onClick={extend} loading={busy === 'extend'} data-testid="sample-extend">{t('ui.sample.extend')}</Button>
                  <ExportButton name={t('ui.sample.exportName', { id: sample.id })} testId="sample-export" onExport={(path, format) => audit().exportSample({ id: sample.id, path, format, lang })} />
                </Space>
              )}>
              <Descriptions size="small" column={{ xs: 1, xxl: 3, xl: 2 }} items={[
                { key: 'method', label: t('ui.sample.method'), children: t(`sample.method.${sample.method}`) },
                { key: 'seed', label: t('ui.sample.seed'), children: <span className="va-mono" data-testid="sample-seed-value">{sample.seed}</span> },
                { key: 'size', label: t(sample.method === 'mus' ? 'ui.sample.units' : 'ui.sample.size'), children: sample.size },
                { key: 'population', label: t('ui.sample.population'), children: inLang(lang, sample.populationText.zh, sample.populationText.en) },
                { key: 'frame', label: t('ui.sample.frame'), children: t('ui.sample.frame.value', { vouchers: sample.frame.vouchers.toLocaleString(), amount: formatFen(sample.frame.amountFen) }) },
                ...(sample.intervalFen !== null ? [{ key: 'interval', label: t('sample.param.interval'), children: formatFen(sample.intervalFen) }] : []),
                { key: 'fp', label: t('sample.param.fingerprint'), children: <span className="va-mono">{sample.frame.fingerprint}</span> },
                { key: 'by', label: t('sample.param.by'), children: `${sample.createdBy} ${formatTimestamp(sample.createdAt)}` },
              ]} />
            </Card>
            <PicksTable sample={sample} />
            <Card size="small" title={t('ui.sample.trail')}><TrailTable entries={trail} showEntity={false} testId="sample-trail" /></Card>
          </Space>
        )}
      </Col>
      {reviewer.modal}
    </Row>
  );
}

function PicksTable({ sample }: { sample: Sample }) {
  const { t, lang } = useLang();
  const app = useApp();
  const height = useWindowHeight();
  const mus = sample.method === 'mus';
  return (
    <Table<SamplePick>
      size="small"
      rowKey="key"
      pagination={sample.picks.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      dataSource={sample.picks}
      scroll={{ x: 710, y: Math.max(200, height - 400) }}
      data-testid="sample-picks"
      onRow={(p) => ({ 'data-key': p.key } as object)}
      columns={[
        { key: 'seq', title: t('sample.col.seq'), dataIndex: 'seq', width: 52, align: 'right', className: 'va-nowrap' },
        { key: 'place', title: t('ui.col.village'), width: 120, ellipsis: true, render: (_, p) => `${p.township} ${p.village}` },
        { key: 'voucher', title: t('sample.col.voucher'), width: 90, ellipsis: true, render: (_, p) => (p.entity ? `${p.voucher} (${p.entity})` : p.voucher) },
        { key: 'date', title: t('sample.col.date'), dataIndex: 'date', width: 92, className: 'va-nowrap' },
        { key: 'amount', title: t('sample.col.amount'), width: 112, align: 'right', render: (_, p) => <span className="va-amount">{formatFen(p.amountFen)}</span> },
        ...(mus ? [{ key: 'units', title: t('ui.sample.col.hits'), width: lang === 'en' ? 60 : 56, align: 'right' as const, render: (_: unknown, p: SamplePick) => p.units?.length ?? 0 }] : []),
        { key: 'lines', title: t('sample.col.lines'), dataIndex: 'lines', width: 64, align: 'right' },
        { key: 'source', title: t('sample.col.file'), ellipsis: true, width: 140, render: (_, p) => (p.source ? <span className="va-mono">{`${p.source.file}${p.source.sheet ? `[${p.source.sheet}]` : ''}:${p.source.line}`}</span> : '') },
        {
          key: 'ledger', title: '', width: 40, fixed: 'right',
          render: (_, p) => <Button size="small" type="text" icon={<FileSearchOutlined />} aria-label={t('ui.ledger.aroundVoucher')} title={t('ui.ledger.aroundVoucher')} onClick={() => app.openLedger({ lineId: p.lineId })} data-testid="pick-ledger" />,
        },
      ]}
    />
  );
}
