// A bar chart of amounts at issue; clicking a bar hands its key back (to filter the findings).
// Categories with long names or many values (rules in English, 19 townships) are drawn as
// horizontal bars, their names whole beside them, scrolling when there are more than fit; a time
// axis (36 months) is drawn upright with its labels turned so every one shows.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Lang } from '../../../shared/contract';
import { t } from '../../../shared/i18n/messages';
import { formatFen } from '../format';
import { textWidth } from '../components/measure';
import { useLang } from '../i18n';

export interface AmountBar {
  key: string;
  label: string;
  amountFen: number;
  count: number;
}

/** Axis ticks: 4.5万 and 1.2亿 in Chinese, 45k and 1.2M in English. */
export function shortYuan(fen: number, lang: Lang): string {
  const yuan = fen / 100;
  // A district's totals run to tens of millions: 8000万 is read at a glance, 80000k is not.
  if (lang === 'zh' && Math.abs(yuan) >= 100_000_000) return t(lang, 'ui.amount.short.large', { n: Math.round(yuan / 10_000_000) / 10 });
  if (lang === 'zh' && Math.abs(yuan) >= 10_000) return t(lang, 'ui.amount.short', { n: Math.round(yuan / 1000) / 10 });
  if (lang === 'en' && Math.abs(yuan) >= 1_000_000) return t(lang, 'ui.amount.short.large', { n: Math.round(yuan / 100_000) / 10 });
  if (lang === 'en' && Math.abs(yuan) >= 1_000) return t(lang, 'ui.amount.short', { n: Math.round(yuan / 100) / 10 });
  return String(Math.round(yuan));
}

/** Pixels a label takes at 11px, in the page's font. */
const labelWidth = (label: string): number => textWidth(label, 11);

/** A category's name on one line beside its bar (recharts would wrap it at spaces), cut only past MAX_LABEL. */
function CategoryTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <text className="va-category-tick" x={Number(props.x ?? 0)} y={Number(props.y ?? 0)} dy={4} textAnchor="end" fontSize={11} fill="#595959">
      {cut(String(props.payload?.value ?? ''), MAX_LABEL - 12)}
    </text>
  );
}

const MAX_LABEL = 220;

/** A month under its bar, turned so 36 of them fit side by side. */
function TimeTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <g transform={`translate(${Number(props.x ?? 0)},${Number(props.y ?? 0)})`}>
      <text className="va-time-tick" dy={10} textAnchor="end" fontSize={10} fill="#595959" transform="rotate(-55)">{String(props.payload?.value ?? '')}</text>
    </g>
  );
}
const ROW = 20;

function cut(label: string, max: number): string {
  if (labelWidth(label) <= max) return label;
  let s = label;
  while (s.length > 1 && labelWidth(`${s}…`) > max) s = s.slice(0, -1);
  return `${s}…`;
}

interface Props {
  data: AmountBar[];
  onSelect: (key: string) => void;
  testId: string;
  height?: number;
  /** Horizontal bars, names beside them; the chart scrolls past `height`. */
  horizontal?: boolean;
  /** A time axis: labels turned, every one shown. */
  time?: boolean;
}

export function AmountBarChart({ data, onSelect, testId, height = 220, horizontal = false, time = false }: Props) {
  const { lang, t } = useLang();
  const tooltip = <Tooltip formatter={(v) => formatFen(Number(v))} />;
  const bar = (
    <Bar dataKey="amountFen" name={t('ui.col.amount')} fill="#1677ff" cursor="pointer" isAnimationActive={false} maxBarSize={horizontal ? 14 : 28}
      onClick={(_d, index) => {
        const b = data[index];
        if (b) onSelect(b.key);
      }} />
  );
  if (horizontal) {
    const yWidth = Math.min(MAX_LABEL, Math.max(40, ...data.map((d) => labelWidth(d.label))) + 14);
    const full = Math.max(height, data.length * ROW + 40);
    return (
      <div data-testid={testId} data-bars={data.length} style={{ width: '100%', height, overflowY: full > height ? 'auto' : 'hidden', overflowX: 'hidden' }}>
        <div style={{ height: full }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart layout="vertical" data={data} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={(v: number) => shortYuan(v, lang)} tick={{ fontSize: 11 }} orientation="top" height={22} />
              <YAxis type="category" dataKey="label" width={yWidth} interval={0} tick={CategoryTick} />
              {tooltip}
              {bar}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
    );
  }
  return (
    <div data-testid={testId} data-bars={data.length} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {time
            ? <XAxis dataKey="label" tick={TimeTick} interval={0} height={52} />
            : <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />}
          <YAxis tickFormatter={(v: number) => shortYuan(v, lang)} tick={{ fontSize: 11 }} width={56} />
          {tooltip}
          {bar}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
