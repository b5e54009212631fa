// The filter bar of the findings screen: rule, township, village, status, date range, amount
// range and free text. It edits a FindingQuery; the engine does the filtering.
import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, InputNumber, Select, Space, Tag } from 'antd';
import type { FindingQuery, FindingStatus, Overview } from '../../../shared/contract';
import { useApp } from '../context';
import { ruleTitle, yuanToFen } from '../format';
import { useLang } from '../i18n';

const STATUSES: FindingStatus[] = ['pending', 'confirmed', 'dismissed'];

interface Props {
  query: FindingQuery;
  onChange: (q: FindingQuery) => void;
  places: Overview['villagesRanked'];
}

function orUndefined<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}

export function FindingFilters({ query, onChange, places }: Props) {
  const { t, lang } = useLang();
  const app = useApp();
  const [text, setText] = useState(query.text ?? '');
  const [resetKey, setResetKey] = useState(0);
  useEffect(() => setText(query.text ?? ''), [query.text]);
  const set = (patch: Partial<FindingQuery>) => onChange({ ...query, ...patch });
  const townships = [...new Set(places.map((p) => p.township))];
  const villages = [...new Set(places.filter((p) => !query.township?.length || query.township.includes(p.township)).map((p) => p.village))];
  return (
    <Space wrap size={[6, 6]} data-testid="finding-filters">
      <Select mode="multiple" allowClear style={{ minWidth: 150 }} placeholder={t('ui.filter.rule')} value={query.rule ?? []} data-testid="filter-rule"
        options={app.rules.map((r) => ({ value: r.id, label: ruleTitle(app.rules, r.id, lang) }))} onChange={(v: string[]) => set({ rule: orUndefined(v) })} />
      <Select mode="multiple" allowClear style={{ minWidth: 120 }} placeholder={t('ui.filter.township')} value={query.township ?? []} data-testid="filter-township"
        options={townships.map((x) => ({ value: x, label: x }))} onChange={(v: string[]) => set({ township: orUndefined(v) })} />
      <Select mode="multiple" allowClear style={{ minWidth: 120 }} placeholder={t('ui.filter.village')} value={query.village ?? []} data-testid="filter-village"
        options={villages.map((x) => ({ value: x, label: x }))} onChange={(v: string[]) => set({ village: orUndefined(v) })} />
      <Select mode="multiple" allowClear style={{ minWidth: 110 }} placeholder={t('ui.filter.status')} value={query.status ?? []} data-testid="filter-status"
        options={STATUSES.map((s) => ({ value: s, label: t(`ui.status.${s}`) }))} onChange={(v: FindingStatus[]) => set({ status: orUndefined(v) })} />
      <DatePicker.RangePicker key={`d${resetKey}`} style={{ width: 230 }} allowEmpty={[true, true]}
        onChange={(d) => set({ dateFrom: d?.[0]?.format('YYYY-MM-DD') ?? undefined, dateTo: d?.[1]?.format('YYYY-MM-DD') ?? undefined })} />
      <InputNumber key={`min${resetKey}`} style={{ width: 130 }} min={0} placeholder={t('ui.filter.amountMin')} onChange={(v) => set({ amountMinFen: yuanToFen(v as number | null) })} />
      <InputNumber key={`max${resetKey}`} style={{ width: 130 }} min={0} placeholder={t('ui.filter.amountMax')} onChange={(v) => set({ amountMaxFen: yuanToFen(v as number | null) })} />
      <Input.Search style={{ width: 220 }} allowClear placeholder={t('ui.filter.text')} value={text} data-testid="filter-text"
        onChange={(e) => setText(e.target.value)} onSearch={(v) => set({ text: v.trim() || undefined })} />
      {query.month && <Tag closable onClose={() => set({ month: undefined })} data-testid="filter-month">{t('ui.filter.month', { month: query.month })}</Tag>}
      <Button onClick={() => { setResetKey((k) => k + 1); onChange({ sort: query.sort }); }} data-testid="filter-clear">{t('ui.filter.clear')}</Button>
    </Space>
  );
}
