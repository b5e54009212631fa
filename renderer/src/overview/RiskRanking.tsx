// Villages (or townships) ranked by risk score, each row opening what makes up its score — per
// rule: weight, findings, amount at issue, its share of the money paid out, the points — and what
// the rules could not check there. A score of 0 with gaps is "not fully checked", never clean.
import { useState } from 'react';
import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Descriptions, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { RiskRanking as Ranking, RiskScore, RuleInfo } from '../../../shared/contract';
import { formatFen, ruleTitle } from '../format';
import { pick, useLang } from '../i18n';
import { textWidth } from '../components/measure';

type Level = 'villages' | 'townships';

const keyOf = (r: RiskScore): string => `${r.township}/${r.village ?? ''}`;

function Coverage({ r }: { r: RiskScore }) {
  const { t } = useLang();
  const text = `${r.rulesRan}/${r.rulesTotal}`;
  if (r.gaps.length === 0) return <Tag color="green" data-testid="risk-coverage">{text}</Tag>;
  return <Tooltip title={t('ui.risk.gapsHint', { count: r.gaps.length })}><Tag color="orange" data-testid="risk-coverage">{text}</Tag></Tooltip>;
}

function Parts({ r, rules }: { r: RiskScore; rules: RuleInfo[] }) {
  const { t, lang } = useLang();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="risk-explain">
      <Typography.Text type="secondary">{t('rule.ranking.formula')}</Typography.Text>
      <Descriptions size="small" column={4} items={[
        { key: 'spending', label: t('ui.risk.spending'), children: <span className="va-amount">{formatFen(r.spendingFen)}</span> },
        { key: 'payments', label: t('ui.risk.payments'), children: r.payments },
        { key: 'dismissed', label: t('ui.risk.dismissed'), children: r.dismissed },
        { key: 'score', label: t('ui.risk.score'), children: <b>{r.score.toFixed(1)}</b> },
      ]} />
      {r.parts.length > 0 && (
        <Table size="small" pagination={false} rowKey="rule" dataSource={r.parts} data-testid="risk-parts"
          columns={[
            { title: t('ui.col.rule'), key: 'rule', render: (_, p) => ruleTitle(rules, p.rule, lang) },
            { title: t('ui.risk.weight'), dataIndex: 'weight', align: 'right', width: 64 },
            { title: t('ui.risk.findings'), key: 'n', align: 'right', width: 96, render: (_, p) => (p.dismissed ? t('ui.risk.findingsDismissed', { n: p.findings, dismissed: p.dismissed }) : p.findings) },
            { title: t('ui.col.amount'), key: 'amount', align: 'right', render: (_, p) => <span className="va-amount">{formatFen(p.amountFen)}</span> },
            { title: t('ui.risk.share'), key: 'share', align: 'right', width: 96, render: (_, p) => `${p.sharePercent.toFixed(2)}%` },
            { title: t('ui.risk.countPoints'), dataIndex: 'countPoints', align: 'right', width: 96 },
            { title: t('ui.risk.amountPoints'), dataIndex: 'amountPoints', align: 'right', width: 96 },
            { title: t('ui.risk.points'), key: 'points', align: 'right', width: 80, render: (_, p) => <b>{p.points.toFixed(2)}</b> },
          ]} />
      )}
      {r.gaps.length > 0 && (
        <div data-testid="risk-gaps">
          <Typography.Text strong>{t('ui.risk.gaps')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {r.gaps.map((g) => (
              <li key={g.rule}>
                <Tag color={g.state === 'off' ? 'default' : g.state === 'not-run' ? 'red' : 'orange'}>{t(`ui.risk.state.${g.state}`)}</Tag>
                {g.why ? t('ui.risk.gapLine', { rule: ruleTitle(rules, g.rule, lang), why: pick(lang, g.why, g.whyEn) }) : ruleTitle(rules, g.rule, lang)}
                {g.villages ? t('ui.risk.inVillages', { n: g.villages }) : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Space>
  );
}

export function RiskRanking({ ranking, rules, onSelect, onLedger }: { ranking: Ranking; rules: RuleInfo[]; onSelect: (r: RiskScore) => void; onLedger: (r: RiskScore) => void }) {
  const { t } = useLang();
  const [level, setLevel] = useState<Level>('villages');
  const rows = ranking[level];
  // The coverage tag (13/16) and its note on one line, in either language (English's "not fully checked" wrapped at 150).
  const coverageWidth = Math.ceil(Math.max(150, 60 + Math.max(textWidth(t('ui.risk.notFullyChecked'), 12), textWidth(t('ui.risk.clean'), 12)) + 20));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented<Level> value={level} onChange={setLevel} data-testid="risk-level"
        options={[{ value: 'villages', label: t('ui.risk.villages') }, { value: 'townships', label: t('ui.risk.townships') }]} />
      <Table<RiskScore>
        size="small"
        rowKey={keyOf}
        pagination={rows.length > 12 ? { pageSize: 12, size: 'small' } : false}
        dataSource={rows}
        data-testid="risk-ranking"
        expandable={{ expandedRowRender: (r) => <Parts r={r} rules={rules} />, expandRowByClick: true }}
        columns={[
          { title: t('ui.col.rank'), dataIndex: 'rank', width: 56 },
          { title: t('ui.col.township'), dataIndex: 'township' },
          ...(level === 'villages' ? [{ title: t('ui.col.village'), key: 'village', render: (_: unknown, r: RiskScore) => r.village }] : [{ title: t('ui.risk.villageCount'), dataIndex: 'villages', align: 'right' as const }]),
          { title: t('ui.risk.score'), key: 'score', align: 'right', width: 88, render: (_, r) => <b data-testid="risk-score">{r.score.toFixed(1)}</b> },
          { title: t('ui.col.count'), key: 'findings', align: 'right', width: 72, render: (_, r) => r.findings },
          { title: t('ui.col.amount'), key: 'amount', align: 'right', width: 130, render: (_, r) => <span className="va-amount">{formatFen(r.amountFen)}</span> },
          {
            title: t('ui.risk.coverage'), key: 'coverage', width: coverageWidth, render: (_, r) => (
              <Space size={4}>
                <Coverage r={r} />
                {r.findings === 0 && <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t(r.gaps.length ? 'ui.risk.notFullyChecked' : 'ui.risk.clean')}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '', key: 'open', width: level === 'villages' ? 150 : 72, render: (_, r) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={(e) => { e.stopPropagation(); onSelect(r); }} data-testid="risk-open">{t('ui.risk.open')}</Button>
                {r.village !== null && (
                  <Button size="small" type="link" icon={<FileSearchOutlined />} data-testid="village-ledger"
                    onClick={(e) => { e.stopPropagation(); onLedger(r); }}>{t('ui.overview.ledger.open')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
