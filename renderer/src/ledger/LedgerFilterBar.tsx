// The ledger's filters: township, village, words, account, counterparty, person, dates, amounts.
// Words are applied on Enter (or the search button), choices at once.
import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { LedgerFilter, LedgerPlace } from '../../../shared/contract';
import { yuanToFen } from '../format';
import { useLang } from '../i18n';

interface Props {
  filter: LedgerFilter;
  places: LedgerPlace[];
  onChange: (f: LedgerFilter) => void;
  /** Which filters to show (a sample's population has no words or people). */
  fields?: ('text' | 'account' | 'counterparty' | 'person' | 'dates' | 'amounts')[];
}

const ALL: NonNullable<Props['fields']> = ['text', 'account', 'counterparty', 'person', 'dates', 'amounts'];

/** A text field applied on Enter or when it loses focus. */
function Typed({ value, placeholder, onApply, width, testId }: { value?: string; placeholder: string; onApply: (v: string | undefined) => void; width: number; testId: string }) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const apply = () => { if ((draft.trim() || undefined) !== value) onApply(draft.trim() || undefined); };
  return <Input allowClear style={{ width }} placeholder={placeholder} value={draft} data-testid={testId} onChange={(e) => { setDraft(e.target.value); if (!e.target.value) onApply(undefined); }} onPressEnter={apply} onBlur={apply} />;
}

export function LedgerFilterBar({ filter, places, onChange, fields = ALL }: Props) {
  const { t, lang } = useLang();
  // English placeholders are longer: their fields wider, so none is cut.
  const w = (zh: number, en: number) => (lang === 'en' ? en : zh);
  const set = (patch: Partial<LedgerFilter>) => onChange({ ...filter, ...patch });
  const townships = [...new Set(places.map((p) => p.township))];
  const villages = [...new Set(places.filter((p) => !filter.township || p.township === filter.township).map((p) => p.village))];
  const has = (f: (typeof ALL)[number]) => fields.includes(f);
  return (
    <Space wrap size={[6, 6]} data-testid="ledger-filters">
      <Select allowClear showSearch style={{ width: 130 }} placeholder={t('ui.filter.township')} value={filter.township} data-testid="ledger-township"
        options={townships.map((x) => ({ value: x, label: x }))} onChange={(v?: string) => set({ township: v, village: v && filter.village && !places.some((p) => p.township === v && p.village === filter.village) ? undefined : filter.village })} />
      <Select allowClear showSearch style={{ width: 130 }} placeholder={t('ui.filter.village')} value={filter.village} data-testid="ledger-village"
        options={villages.map((x) => ({ value: x, label: x }))} onChange={(v?: string) => set({ village: v, township: v ? places.find((p) => p.village === v && (!filter.township || p.township === filter.township))?.township : filter.township })} />
      {has('text') && <Typed width={w(180, 210)} value={filter.text} placeholder={t('ui.ledger.filter.text')} onApply={(text) => set({ text })} testId="ledger-text" />}
      {has('account') && <Typed width={w(130, 180)} value={filter.account} placeholder={t('ui.ledger.filter.account')} onApply={(account) => set({ account })} testId="ledger-account" />}
      {has('counterparty') && <Typed width={w(130, 130)} value={filter.counterparty} placeholder={t('ui.col.counterparty')} onApply={(counterparty) => set({ counterparty })} testId="ledger-counterparty" />}
      {has('person') && <Typed width={w(110, 110)} value={filter.person} placeholder={t('ui.ledger.filter.person')} onApply={(person) => set({ person })} testId="ledger-person" />}
      {has('dates') && (
        <DatePicker.RangePicker style={{ width: 230 }} allowEmpty={[true, true]}
          value={[filter.dateFrom ? dayjs(filter.dateFrom) : null, filter.dateTo ? dayjs(filter.dateTo) : null]}
          onChange={(d) => set({ dateFrom: d?.[0]?.format('YYYY-MM-DD') ?? undefined, dateTo: d?.[1]?.format('YYYY-MM-DD') ?? undefined })} />
      )}
      {has('amounts') && (
        <>
          <InputNumber style={{ width: w(120, 150) }} min={0} placeholder={t('ui.filter.amountMin')} value={filter.amountMinFen === undefined ? null : filter.amountMinFen / 100}
            onChange={(v) => set({ amountMinFen: yuanToFen(v as number | null) })} />
          <InputNumber style={{ width: w(120, 150) }} min={0} placeholder={t('ui.filter.amountMax')} value={filter.amountMaxFen === undefined ? null : filter.amountMaxFen / 100}
            onChange={(v) => set({ amountMaxFen: yuanToFen(v as number | null) })} />
        </>
      )}
      <Button onClick={() => onChange({})} data-testid="ledger-clear">{t('ui.filter.clear')}</Button>
    </Space>
  );
}
