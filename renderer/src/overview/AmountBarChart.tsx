// A bar chart of amounts at issue; clicking a bar hands its key back (to filter the findings).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Lang } from '../../../shared/contract';
import { t } from '../../../shared/i18n/messages';
import { formatFen } from '../format';
import { useLang } from '../i18n';

export interface AmountBar {
  key: string;
  label: string;
  amountFen: number;
  count: number;
}

/** Axis ticks: 4.5万 in Chinese, 45k in English. */
export function shortYuan(fen: number, lang: Lang): string {
  const yuan = fen / 100;
  if (lang === 'zh' && Math.abs(yuan) >= 10_000) return t(lang, 'ui.amount.short', { n: Math.round(yuan / 1000) / 10 });
  if (lang === 'en' && Math.abs(yuan) >= 1_000) return t(lang, 'ui.amount.short', { n: Math.round(yuan / 100) / 10 });
  return String(Math.round(yuan));
}

/** Long category names (English rule titles) are cut so neighbouring ticks never overlap. */
function shortLabel(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export function AmountBarChart({ data, onSelect, testId, height = 220 }: { data: AmountBar[]; onSelect: (key: string) => void; testId: string; height?: number }) {
  const { lang, t } = useLang();
  const maxLabel = Math.max(7, Math.floor(48 / Math.max(1, data.length)));
  return (
    <div data-testid={testId} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} tickFormatter={(v: string) => shortLabel(v, maxLabel)} />
          <YAxis tickFormatter={(v: number) => shortYuan(v, lang)} tick={{ fontSize: 11 }} width={56} />
          <Tooltip formatter={(v) => formatFen(Number(v))} />
          <Bar
            dataKey="amountFen"
            name={t('ui.col.amount')}
            fill="#1677ff"
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_d, index) => {
              const bar = data[index];
              if (bar) onSelect(bar.key);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
