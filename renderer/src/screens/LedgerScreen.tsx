// 账目: the ledger as the books read, a village's lines in date order (or the district's, village
// by village), filtered, with totals, a page at a time. Opened from a finding, a voucher line or
// a project it shows their whole vouchers on top and the village's ledger around them, those lines
// marked; from a village of the overview, that village's ledger. Clicking a line shows its voucher.
import { useEffect, useState } from 'react';
import { Button, Card, Empty, Space, Typography } from 'antd';
import { CloseOutlined, LeftOutlined, RightOutlined, VerticalLeftOutlined, VerticalRightOutlined } from '@ant-design/icons';
import type { LedgerContext, LedgerFilter, LedgerPage, LedgerPlace, LedgerRow } from '../../../shared/contract';
import { audit } from '../api';
import { useApp, type LedgerFocus } from '../context';
import { formatFen } from '../format';
import { useLang } from '../i18n';
import { useBoxSize } from '../components/useBoxSize';
import { VoucherLines } from '../findings/VoucherLines';
import { LedgerFilterBar } from '../ledger/LedgerFilterBar';
import { useViewState } from '../view-state';

const PAGE = 100;
/** Lines shown above the first line of the vouchers asked about. */
const BEFORE = 10;

/** What the context is of, for its title. */
type Anchor = LedgerFocus & { context: LedgerContext };

export function LedgerScreen() {
  const { t } = useLang();
  const app = useApp();
  const [box, { height }] = useBoxSize();
  const [filter, setFilter] = useViewState<LedgerFilter>('ledger.filter', {});
  const [offset, setOffset] = useViewState<number>('ledger.offset', 0);
  const [anchor, setAnchor] = useViewState<Anchor | null>('ledger.anchor', null);
  /** A line the next page is opened around (once). */
  const [around, setAround] = useState<number | null>(null);
  const [places, setPlaces] = useState<LedgerPlace[]>([]);
  const [page, setPage] = useState<LedgerPage | null>(null);
  const [loading, setLoading] = useState(false);
  // While a focus from another screen is being resolved, no page for the old filter.
  const [resolving, setResolving] = useState(() => !!app.focus.ledger);

  useEffect(() => {
    audit().listPlaces().then(setPlaces).catch(app.reportError);
  }, [app.dataVersion, app.reportError]);

  useEffect(() => {
    const f = app.focus.ledger;
    if (!f) return;
    app.clearFocus();
    if (f.findingId !== undefined || f.lineId !== undefined || f.project !== undefined) {
      setResolving(true);
      audit().ledgerContext({ ...(f.findingId ? { findingId: f.findingId } : f.lineId ? { lineId: f.lineId } : { project: f.project }), before: BEFORE, after: BEFORE })
        .then((context) => {
          setAnchor({ ...f, context });
          setFilter({ township: context.township, village: context.village });
          setAround(context.anchorLineIds[0] ?? null);
        })
        .catch(app.reportError)
        .finally(() => setResolving(false));
    } else {
      setAnchor(null);
      setFilter({ township: f.township, village: f.village });
      setOffset(0);
      setResolving(false);
    }
  }, [app.focus.ledger]);

  useEffect(() => {
    if (resolving) return;
    let live = true;
    setLoading(true);
    audit().queryLedger({ ...filter, limit: PAGE, ...(around !== null ? { aroundLineId: around, before: BEFORE } : { offset }) }).then((p) => {
      if (!live) return;
      setPage(p);
      if (around !== null) {
        setAround(null);
        setOffset(p.offset);
      }
    }).catch(app.reportError).finally(() => live && setLoading(false));
    return () => { live = false; };
  }, [filter, offset, around, resolving, app.dataVersion, app.reportError]);

  const changeFilter = (f: LedgerFilter) => {
    setFilter(f);
    setOffset(0);
  };
  const showVoucher = (l: LedgerRow) => {
    audit().ledgerContext({ lineId: l.id, before: 0, after: 0 }).then((context) => setAnchor({ lineId: l.id, context })).catch(app.reportError);
  };
  const go = (to: number) => setOffset(Math.max(0, Math.min(to, Math.max(0, (page?.total ?? 0) - 1))));

  const marked = new Set(anchor?.context.anchorLineIds ?? []);
  const total = page?.total ?? 0;
  const last = Math.max(0, Math.floor((total - 1) / PAGE) * PAGE);
  const title = anchor && (anchor.findingId ? t('ui.ledger.anchor.finding') : anchor.project ? t('ui.ledger.anchor.project', { project: anchor.project }) : t('ui.ledger.anchor.voucher'));
  return (
    <div className="va-screen" data-testid="ledger-screen">
      <LedgerFilterBar filter={filter} places={places} onChange={changeFilter} />
      {anchor && (
        <Card size="small" data-testid="ledger-anchor" style={{ flex: '0 0 auto' }} title={<span>{title} · {anchor.context.township} {anchor.context.village}</span>}
          extra={<Button size="small" type="text" icon={<CloseOutlined />} onClick={() => setAnchor(null)} aria-label={t('ui.ledger.anchor.close')} data-testid="ledger-anchor-close" />}
          styles={{ body: { maxHeight: 210, overflow: 'auto', padding: 8 } }}>
          <Space orientation="vertical" style={{ width: '100%' }} size={6}>
            {anchor.context.vouchers.map((v) => (
              <div key={`${v.voucher}/${v.lines[0]?.id ?? 0}`} data-testid="anchor-voucher" data-voucher={v.voucher}>
                <Typography.Text strong>{t('ui.ledger.voucher', { voucher: v.voucher, date: v.date, lines: v.lines.length })}</Typography.Text>
                <VoucherLines lines={v.lines} people testId="anchor-lines" />
              </div>
            ))}
          </Space>
        </Card>
      )}
      <Space wrap size={[12, 4]}>
        <Typography.Text strong data-testid="ledger-total">
          {total ? t('ui.ledger.range', { from: (page?.offset ?? 0) + 1, to: (page?.offset ?? 0) + (page?.rows.length ?? 0), total }) : t('ui.ledger.none')}
        </Typography.Text>
        <Typography.Text data-testid="ledger-sums">{t('ui.ledger.sums', { debit: formatFen(page?.debitFen ?? 0), credit: formatFen(page?.creditFen ?? 0) })}</Typography.Text>
        <Space.Compact>
          <Button size="small" icon={<VerticalRightOutlined />} disabled={!page || page.offset === 0} onClick={() => go(0)} aria-label={t('ui.ledger.first')} />
          <Button size="small" icon={<LeftOutlined />} disabled={!page || page.offset === 0} onClick={() => go((page?.offset ?? 0) - PAGE)} data-testid="ledger-prev">{t('ui.ledger.prev')}</Button>
          <Button size="small" disabled={!page || page.offset + PAGE >= total} onClick={() => go((page?.offset ?? 0) + PAGE)} data-testid="ledger-next">{t('ui.ledger.next')}<RightOutlined /></Button>
          <Button size="small" icon={<VerticalLeftOutlined />} disabled={!page || page.offset >= last} onClick={() => go(last)} aria-label={t('ui.ledger.last')} />
        </Space.Compact>
        <Typography.Text type="secondary">{t('ui.ledger.hint')}</Typography.Text>
      </Space>
      <div ref={box} className="va-fill">
        {page && page.total === 0 && !loading
          ? <Empty description={t('ui.ledger.empty')} />
          : <VoucherLines lines={page?.rows ?? []} marked={marked} place={!filter.village} people onRowClick={showVoucher} testId="ledger-table" scrollY={Math.max(120, height - 40)} />}
      </div>
    </div>
  );
}
