// Findings: filter, sort, and review every flag, with the keyboard (J/K, Y, N) or in bulk.
import { useCallback, useEffect, useRef, useState } from 'react';
import { App as AntApp, Button, Space, Typography } from 'antd';
import type { Finding, FindingPage, FindingQuery, FindingStatus, Overview } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { formatFen } from '../format';
import { useLang } from '../i18n';
import { FindingDetailPane } from '../findings/FindingDetailPane';
import { FindingFilters } from '../findings/FindingFilters';
import { FindingsTable, type TableRef } from '../findings/FindingsTable';
import { useReviewer } from '../findings/useReviewer';
import { useDecisionGuard } from '../findings/useDecisionGuard';
import { useReviewKeys } from '../findings/useReviewKeys';
import { useWindowHeight } from '../findings/useWindowHeight';

const LIMIT = 200_000;

export function FindingsScreen() {
  const { t } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const reviewer = useReviewer();
  const guard = useDecisionGuard();
  const tableRef = useRef<TableRef>(null);
  const height = useWindowHeight();
  const [query, setQuery] = useState<FindingQuery>(app.findingsFilter);
  const [page, setPage] = useState<FindingPage>({ total: 0, totalAmountFen: 0, rows: [] });
  const [loading, setLoading] = useState(true);
  const [places, setPlaces] = useState<Overview['villagesRanked']>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [detailVersion, setDetailVersion] = useState(0);

  useEffect(() => setQuery(app.findingsFilter), [app.findingsFilter]);
  useEffect(() => {
    audit().overview().then((o) => setPlaces(o.villagesRanked)).catch(app.reportError);
  }, [app.dataVersion, app.reportError]);
  useEffect(() => {
    let live = true;
    setLoading(true);
    audit().listFindings({ ...query, limit: LIMIT }).then((p) => {
      if (!live) return;
      setPage(p);
      setSelected([]);
      setActiveId((id) => (id && p.rows.some((r) => r.id === id) ? id : p.rows[0]?.id ?? null));
    }).catch(app.reportError).finally(() => live && setLoading(false));
    return () => { live = false; };
  }, [query, app.dataVersion, app.reportError]);

  const active = page.rows.find((r) => r.id === activeId) ?? null;
  const activeNote = active?.note ?? '';
  useEffect(() => setNote(activeNote), [activeId]);

  const activate = useCallback((id: string | null, index?: number) => {
    setActiveId(id);
    if (index !== undefined) tableRef.current?.scrollTo({ index });
  }, []);
  const move = (delta: number) => {
    const i = page.rows.findIndex((r) => r.id === activeId);
    const j = Math.max(0, Math.min(page.rows.length - 1, (i < 0 ? 0 : i + delta)));
    const row = page.rows[j];
    if (row) activate(row.id, j);
  };

  const decide = (ids: string[], decision: FindingStatus, withNote: string | undefined, advance: boolean) => {
    if (ids.length === 0) return;
    reviewer.withReviewer(async (name) => {
      try {
        const cleared = await guard.guard(ids, decision, withNote);
        if (!cleared) return;
        const n = await audit().reviewFindings({ ids, decision, reviewer: name, ...(cleared.note ? { note: cleared.note } : {}), acknowledgeLeads: cleared.acknowledgeLeads });
        const set = new Set(ids);
        setPage((p) => ({ ...p, rows: p.rows.map((r): Finding => (set.has(r.id) ? { ...r, status: decision, reviewer: name, note: cleared.note ?? r.note } : r)) }));
        if (cleared.note && ids.includes(activeId ?? '')) setNote(cleared.note);
        setDetailVersion((v) => v + 1);
        void message.success(t('ui.findings.reviewed', { count: n, status: t(`ui.status.${decision}`) }));
        if (advance) move(1);
        app.refreshWorkspace().catch(() => undefined);
      } catch (e) {
        app.reportError(e);
      }
    });
  };
  const decideActive = (decision: FindingStatus) => activeId && decide([activeId], decision, note.trim() || undefined, decision !== 'pending');

  useReviewKeys({
    next: () => move(1),
    previous: () => move(-1),
    confirm: () => decideActive('confirmed'),
    dismiss: () => decideActive('dismissed'),
  }, !loading && !guard.open);

  const rerun = async () => {
    try {
      await audit().runRules();
      app.dataChanged();
      await app.refreshWorkspace();
      void message.success(t('ui.findings.rerunDone'));
    } catch (e) {
      app.reportError(e);
    }
  };

  const toRectification = (findingId: string) => reviewer.withReviewer(async (actor) => {
    try {
      const item = await audit().createRectification({ findingId, actor });
      void message.success(t('ui.lead.toRectDone', { id: item.id }));
      app.openRectification(item.id);
    } catch (e) {
      app.reportError(e);
    }
  });

  return (
    <div className="va-findings" data-testid="findings-screen">
      <div className="va-findings-main">
        <FindingFilters query={query} onChange={setQuery} places={places} />
        <Space wrap>
          <Typography.Text strong data-testid="findings-total">{t('ui.findings.total', { total: page.total, amount: formatFen(page.totalAmountFen) })}</Typography.Text>
          {selected.length > 0 && (
            <>
              <Typography.Text>{t('ui.findings.selected', { count: selected.length })}</Typography.Text>
              <Button size="small" danger onClick={() => decide(selected, 'confirmed', undefined, false)} data-testid="bulk-confirm">{t('ui.findings.bulkConfirm')}</Button>
              <Button size="small" onClick={() => decide(selected, 'dismissed', undefined, false)} data-testid="bulk-dismiss">{t('ui.findings.bulkDismiss')}</Button>
              <Button size="small" type="text" onClick={() => decide(selected, 'pending', undefined, false)}>{t('ui.findings.bulkReset')}</Button>
            </>
          )}
          <Button size="small" onClick={rerun} data-testid="rerun-rules">{t('ui.findings.rerun')}</Button>
          <Typography.Text type="secondary">{t('ui.findings.keys')}</Typography.Text>
          {reviewer.name && (
            <Typography.Text type="secondary" data-testid="reviewer">
              {t('ui.reviewer.current', { name: reviewer.name })} <Button size="small" type="link" onClick={reviewer.change}>{t('ui.reviewer.change')}</Button>
            </Typography.Text>
          )}
        </Space>
        <FindingsTable
          ref={tableRef}
          rows={page.rows}
          loading={loading}
          activeId={activeId}
          onActivate={(id) => activate(id)}
          selected={selected}
          onSelect={setSelected}
          sort={query.sort}
          onSort={(sort) => setQuery((q) => ({ ...q, sort }))}
          height={Math.max(200, height - 250)}
        />
      </div>
      <div className="va-findings-detail">
        <FindingDetailPane id={activeId} version={detailVersion} note={note} onNote={setNote} onDecide={(d) => decideActive(d)} onToRectification={toRectification} />
      </div>
      {reviewer.modal}
      {guard.modal}
    </div>
  );
}
