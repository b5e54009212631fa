// The filter bar of the findings screen: rule, township, village, status, date range, amount
// range and free text, and the named filters saved on this computer. It edits a FindingQuery
// (every field shown from it, so a filter kept while the user was elsewhere shows as it was);
// the engine does the filtering.
import { useEffect, useRef, useState } from 'react';
import { Button, DatePicker, Input, InputNumber, Select, Space, Tag, type InputRef } from 'antd';
import dayjs from 'dayjs';
import type { FindingQuery, FindingStatus, Overview } from '../../../shared/contract';
import { useApp } from '../context';
import { ruleTitle, yuanToFen } from '../format';
import { useLang } from '../i18n';
import { typing } from '../shortcuts';
import { SavedFilters } from './SavedFilters';

const STATUSES: FindingStatus[] = ['pending', 'confirmed', 'dismissed'];

interface Props {
  query: FindingQuery;
  onChange: (q: FindingQuery) => void;
  places: Overview['villagesRanked'];
}

function orUndefined<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}

const yuan = (fen: number | undefined): number | null => (fen === undefined ? null : fen / 100);

export function FindingFilters({ query, onChange, places }: Props) {
  const { t, lang } = useLang();
  const app = useApp();
  const [text, setText] = useState(query.text ?? '');
  const search = useRef<InputRef>(null);
  useEffect(() => setText(query.text ?? ''), [query.text]);
  // `/` goes to the search box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const set = (patch: Partial<FindingQuery>) => onChange({ ...query, ...patch });
  // English placeholders are longer: their fields wider, so none is cut.
  const wide = lang === 'en';
  const townships = [...new Set(places.map((p) => p.township))];
  const villages = [...new Set(places.filter((p) => !query.township?.length || query.township.includes(p.township)).map((p) => p.village))];
  return (
    <Space wrap size={[6, 6]} data-testid="finding-filters">
      <Select mode="multiple" allowClear style={{ minWidth: 150 }} placeholder={t('ui.filter.rule')} value={query.rule ?? []} data-testid="filter-rule" maxTagCount="responsive"
        options={app.rules.map((r) => ({ value: r.id, label: ruleTitle(app.rules, r.id, lang) }))} onChange={(v: string[]) => set({ rule: orUndefined(v) })} />
      <Select mode="multiple" allowClear style={{ minWidth: 110 }} placeholder={t('ui.filter.township')} value={query.township ?? []} data-testid="filter-township" maxTagCount="responsive"
        options={townships.map((x) => ({ value: x, label: x }))} onChange={(v: string[]) => set({ township: orUndefined(v) })} />
      <Select mode="multiple" allowClear style={{ minWidth: 110 }} placeholder={t('ui.filter.village')} value={query.village ?? []} data-testid="filter-village" maxTagCount="responsive"
        options={villages.map((x) => ({ value: x, label: x }))} onChange={(v: string[]) => set({ village: orUndefined(v) })} />
      <Select mode="multiple" allowClear style={{ minWidth: 110 }} placeholder={t('ui.filter.status')} value={query.status ?? []} data-testid="filter-status" maxTagCount="responsive"
        options={STATUSES.map((s) => ({ value: s, label: t(`ui.status.${s}`) }))} onChange={(v: FindingStatus[]) => set({ status: orUndefined(v) })} />
      <DatePicker.RangePicker style={{ width: 230 }} allowEmpty={[true, true]} data-testid="filter-dates"
        value={[query.dateFrom ? dayjs(query.dateFrom) : null, query.dateTo ? dayjs(query.dateTo) : null]}
        onChange={(d) => set({ dateFrom: d?.[0]?.format('YYYY-MM-DD') ?? undefined, dateTo: d?.[1]?.format('YYYY-MM-DD') ?? undefined })} />
      <InputNumber style={{ width: wide ? 150 : 120 }} min={0} placeholder={t('ui.filter.amountMin')} value={yuan(query.amountMinFen)} data-testid="filter-amount-min"
        onChange={(v) => set({ amountMinFen: yuanToFen(v as number | null) })} />
      <InputNumber style={{ width: wide ? 150 : 120 }} min={0} placeholder={t('ui.filter.amountMax')} value={yuan(query.amountMaxFen)}
        onChange={(v) => set({ amountMaxFen: yuanToFen(v as number | null) })} />
      <Input.Search ref={search} style={{ width: wide ? 250 : 200 }} allowClear placeholder={t('ui.filter.text')} value={text} data-testid="filter-text"
        onChange={(e) => setText(e.target.value)} onSearch={(v) => set({ text: v.trim() || undefined })}
        onKeyDown={(e) => { if (e.key === 'Escape') (e.target as HTMLInputElement).blur(); }} />
      {query.month && <Tag closable onClose={() => set({ month: undefined })} data-testid="filter-month">{t('ui.filter.month', { month: query.month })}</Tag>}
      <Button onClick={() => onChange({ sort: query.sort })} data-testid="filter-clear">{t('ui.filter.clear')}</Button>
      <SavedFilters query={query} onApply={onChange} />
    </Space>
  );
}
