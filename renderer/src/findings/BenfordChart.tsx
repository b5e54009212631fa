// A Benford finding's first digits: the share of payments starting with each digit (bars, the
// digits that stand out in red) against Benford's law (the line), with the counts and the test.
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Typography } from 'antd';
import type { BenfordFigures } from '../../../shared/contract';
import { useLang } from '../i18n';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function BenfordChart({ b }: { b: BenfordFigures }) {
  const { t } = useLang();
  const data = b.digits.map((d) => ({ digit: String(d.digit), observed: d.observed, expected: d.expected, count: d.count, over: d.standsOut && d.observed > d.expected }));
  return (
    <div data-testid="benford-chart">
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('ui.benford.summary', { payments: b.payments, mad: b.mad.toFixed(4), conformity: t(`rule.benford.conformity.${b.conformity}`) })}
      </Typography.Paragraph>
      <div style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="digit" tick={{ fontSize: 11 }} label={{ value: t('ui.benford.digit'), position: 'insideBottomRight', offset: -4, fontSize: 11 }} />
            <YAxis tickFormatter={(v: number) => pct(v)} tick={{ fontSize: 11 }} width={48} />
            <Tooltip formatter={(v, name) => [pct(Number(v)), name === 'observed' ? t('ui.benford.observed') : t('ui.benford.expected')]} />
            <Legend formatter={(name) => (name === 'observed' ? t('ui.benford.observed') : t('ui.benford.expected'))} />
            <Bar dataKey="observed" fill="#1677ff" isAnimationActive={false}>
              {data.map((d) => <Cell key={d.digit} fill={d.over ? '#cf1322' : '#1677ff'} />)}
            </Bar>
            <Line dataKey="expected" type="monotone" stroke="#fa8c16" strokeWidth={2} dot isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
