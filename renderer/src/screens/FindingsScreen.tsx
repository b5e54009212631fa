// Findings: filter, sort, and review every flag, with the keyboard (J/K, Y, N, U, L) or in bulk;
// every decision can be undone (the toast's button, Ctrl+Z); the view (filters, sort, the active
// finding) is kept while the user is elsewhere; exported as shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import { App as AntApp, Button, Space, Typography } from 'antd';
import type { Finding, FindingPage, FindingQuery, FindingStatus, Overview } from '../../../shared/contract';
import { audit } from '../api';
import { ExportButton } from '../components/ExportButton';
import { useApp } from '../context';
import { formatFen } from '../format';
import { useLang } from '../i18n';
import { FindingDetailPane } from '../findings/FindingDetailPane';
import { FindingFilters } from '../findings/FindingFilters';
import { FindingsTable, type TableRef } from '../findings/FindingsTable';
import { useReviewer } from '../findings/useReviewer';
import { useDecisionGuard } from '../findings/useDecisionGuard';
import { useReviewKeys } from '../findings/useReviewKeys';
import { useViewState } from '../view-state';

const LIMIT = 200_000;
const UNDO_DEPTH = 50;

/** A decision as it can be taken back: what each finding was before it. */
interface UndoEntry {
  decision: FindingStatus;
  before: { id: string; status: FindingStatus; note: string | null }[];
}

export function FindingsScreen() {
  const { t, lang } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const reviewer = useReviewer();
  const guard = useDecisionGuard();
  const tableRef = useRef<TableRef>(null);
  const [query, setQuery] = useViewState<FindingQuery>('findings.query', {});
  const [activeId, setActiveId] = useViewState<string | null>('findings.active', null);
  const [page, setPage] = useState<FindingPage>({ total: 0, totalAmountFen: 0, rows: [] });
  const [loading, setLoading] = useState(true);
  const [rerunning, setRerunning] = useState(false);
  const [places, setPlaces] = useState<Overview['villagesRanked']>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [detailVersion, setDetailVersion] = useState(0);
  const undoStack = useRef<UndoEntry[]>([]);
  const scrolled = useRef(false);

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

  // Back on the screen: the finding it was on, in view.
  useEffect(() => {
    if (loading || scrolled.current) return;
    scrolled.current = true;
    const index = page.rows.findIndex((r) => r.id === activeId);
    if (index > 0) setTimeout(() => tableRef.current?.scrollTo({ index }), 0);
  }, [loading, page.rows, activeId]);

  const active = page.rows.find((r) => r.id === activeId) ?? null;
  const activeNote = active?.note ?? '';
  useEffect(() => setNote(activeNote), [activeId]);

  const activate = useCallback((id: string | null, index?: number) => {
    setActiveId(id);
    if (index !== undefined) tableRef.current?.scrollTo({ index });
  }, [setActiveId]);
  const move = (delta: number) => {
    const i = page.rows.findIndex((r) => r.id === activeId);
    const j = Math.max(0, Math.min(page.rows.length - 1, (i < 0 ? 0 : i + delta)));
    const row = page.rows[j];
    if (row) activate(row.id, j);
  };

  const applyLocally = (changes: Map<string, { status: FindingStatus; note: string | null }>, name: string) => {
    setPage((p) => ({ ...p, rows: p.rows.map((r): Finding => { const c = changes.get(r.id); return c ? { ...r, ...c, reviewer: name } : r; }) }));
    setDetailVersion((v) => v + 1);
    app.refreshWorkspace().catch(() => undefined);
  };

  const undo = (entry?: UndoEntry) => reviewer.withReviewer(async (name) => {
    const stack = undoStack.current;
    const e = entry ?? stack[stack.length - 1];
    if (!e) {
      void message.info(t('ui.undo.nothing'));
      return;
    }
    undoStack.current = stack.filter((x) => x !== e);
    try {
      // One call per earlier state (status and note), each finding back as it was.
      const groups = new Map<string, { status: FindingStatus; note: string | null; ids: string[] }>();
      for (const b of e.before) {
        const k = `${b.status}\n${b.note ?? ''}`;
        const g = groups.get(k) ?? { status: b.status, note: b.note, ids: [] };
        g.ids.push(b.id);
        groups.set(k, g);
      }
      let n = 0;
      for (const g of groups.values()) {
        // Taking a decision back is a decision too: a dismissal keeps its reason, a lead-backed finding asks first.
        const cleared = await guard.guard(g.ids, g.status, g.note ?? undefined);
        if (!cleared) return;
        n += await audit().reviewFindings({ ids: g.ids, decision: g.status, reviewer: name, ...(cleared.note ? { note: cleared.note } : {}), acknowledgeLeads: cleared.acknowledgeLeads });
      }
      applyLocally(new Map(e.before.map((b) => [b.id, { status: b.status, note: b.note }])), name);
      const only = e.before.length === 1 ? e.before[0] : undefined;
      if (only) setNote(only.note ?? '');
      message.destroy('review');
      void message.success({ content: <span data-testid="undo-done">{t('ui.undo.done', { count: n, status: t(`ui.status.${e.decision}`) })}</span>, key: 'review' });
    } catch (err) {
      app.reportError(err);
    }
  });

  const decide = (ids: string[], decision: FindingStatus, withNote: string | undefined, advance: boolean) => {
    if (ids.length === 0) return;
    const wanted = new Set(ids);
    const before = page.rows.filter((r) => wanted.has(r.id)).map((r) => ({ id: r.id, status: r.status, note: r.note }));
    reviewer.withReviewer(async (name) => {
      try {
        const cleared = await guard.guard(ids, decision, withNote);
        if (!cleared) return;
        const n = await audit().reviewFindings({ ids, decision, reviewer: name, ...(cleared.note ? { note: cleared.note } : {}), acknowledgeLeads: cleared.acknowledgeLeads });
        applyLocally(new Map(before.map((b) => [b.id, { status: decision, note: cleared.note ?? b.note }])), name);
        if (cleared.note && ids.includes(activeId ?? '')) setNote(cleared.note);
        const entry: UndoEntry = { decision, before };
        undoStack.current = [...undoStack.current, entry].slice(-UNDO_DEPTH);
        void message.success({
          key: 'review',
          duration: 6,
          content: (
            <span data-testid="review-toast">
              {t('ui.findings.reviewed', { count: n, status: t(`ui.status.${decision}`) })}
              <Button type="link" size="small" onClick={() => undo(entry)} data-testid="review-undo">{t('ui.undo.button')}</Button>
            </span>
          ),
        });
        if (advance) move(1);
      } catch (e) {
        app.reportError(e);
      }
    });
  };
  const decideActive = (decision: FindingStatus) => activeId && decide([activeId], decision, note.trim() || undefined, decision !== 'pending');
  const openLedger = () => activeId && app.openLedger({ findingId: activeId });

  useReviewKeys({
    next: () => move(1),
    previous: () => move(-1),
    confirm: () => decideActive('confirmed'),
    dismiss: () => decideActive('dismissed'),
    reset: () => decideActive('pending'),
    ledger: openLedger,
    undo: () => undo(),
  }, !loading && !guard.open);

  const rerun = async () => {
    setRerunning(true);
    try {
      await audit().runRules();
      app.dataChanged();
      await app.refreshWorkspace();
      void message.success(t('ui.findings.rerunDone'));
    } catch (e) {
      app.reportError(e);
    } finally {
      setRerunning(false);
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

  const { offset: _o, limit: _l, ...shown } = query;
  return (
    <div className="va-findings" data-testid="findings-screen">
      <div className="va-findings-main">
        <FindingFilters query={query} onChange={setQuery} places={places} />
        <Space wrap size={[8, 4]}>
          <Typography.Text strong data-testid="findings-total">{t('ui.findings.total', { total: page.total, amount: formatFen(page.totalAmountFen) })}</Typography.Text>
          {selected.length > 0 && (
            <>
              <Typography.Text>{t('ui.findings.selected', { count: selected.length })}</Typography.Text>
              <Button size="small" danger onClick={() => decide(selected, 'confirmed', undefined, false)} data-testid="bulk-confirm">{t('ui.findings.bulkConfirm')}</Button>
              <Button size="small" onClick={() => decide(selected, 'dismissed', undefined, false)} data-testid="bulk-dismiss">{t('ui.findings.bulkDismiss')}</Button>
              <Button size="small" type="text" onClick={() => decide(selected, 'pending', undefined, false)}>{t('ui.findings.bulkReset')}</Button>
            </>
          )}
          <Button size="small" onClick={rerun} loading={rerunning} data-testid="rerun-rules">{rerunning ? t('ui.findings.rerunning') : t('ui.findings.rerun')}</Button>
          <ExportButton name={t('ui.findings.exportName')} testId="findings-export" disabled={page.total === 0}
            onExport={(path, format) => audit().exportFindings({ query: shown, path, format, lang })} />
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
        />
      </div>
      <div className="va-findings-detail">
        <FindingDetailPane id={activeId} version={detailVersion} note={note} onNote={setNote} onDecide={(d) => decideActive(d)} onToRectification={toRectification} onLedger={openLedger} />
      </div>
      {reviewer.modal}
      {guard.modal}
    </div>
  );
}
