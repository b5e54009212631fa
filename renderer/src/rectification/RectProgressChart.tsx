// 整改进度 over time: items by state at the end of each day something changed (stacked bars)
// and the money recovered so far (line, right axis), replayed from the trail by the engine.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DONE, IN_PROGRESS, NOT_STARTED, type RectificationProgressPoint } from '../../../shared/contract';
import { formatFen } from '../format';
import { useLang } from '../i18n';
import { shortYuan } from '../overview/AmountBarChart';

export function RectProgressChart({ points }: { points: RectificationProgressPoint[] }) {
  const { t, lang } = useLang();
  const bars = [
    { key: 'closed', color: '#52c41a', label: t('ui.rect.stat.closed') },
    { key: 'done', color: '#95de64', label: t(`ui.rect.progress.${DONE}`) },
    { key: 'inProgress', color: '#1677ff', label: t(`ui.rect.progress.${IN_PROGRESS}`) },
    { key: 'notStarted', color: '#d9d9d9', label: t(`ui.rect.progress.${NOT_STARTED}`) },
  ] as const;
  return (
    <div style={{ width: '100%', height: 240 }} data-testid="rect-progress-chart" data-points={points.length}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="n" allowDecimals={false} tick={{ fontSize: 11 }} width={32} />
          <YAxis yAxisId="m" orientation="right" tickFormatter={(v: number) => shortYuan(v, lang)} tick={{ fontSize: 11 }} width={56} />
          <Tooltip formatter={(v, name) => (name === t('ui.rect.chart.recovered') ? formatFen(Number(v)) : v)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {bars.map((b) => <Bar key={b.key} yAxisId="n" dataKey={b.key} stackId="s" fill={b.color} name={b.label} isAnimationActive={false} maxBarSize={36} />)}
          <Line yAxisId="m" dataKey="recoveredFen" name={t('ui.rect.chart.recovered')} stroke="#cf1322" strokeWidth={2} dot isAnimationActive={false} type="stepAfter" />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
