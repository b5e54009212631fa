// Overview: the counts, the villages and townships ranked by risk score (each opening what makes
// up its score and what could not be checked there, a village's ledger a click away), amounts at
// issue by rule / township / month, review progress. Every bar and ranking row opens the findings,
// filtered. Laid out for a district (19 townships, 36 months): townships and rules as horizontal
// bars with their names whole, every month on the time axis (zero where none).
import { useEffect, useState } from 'react';
import { Card, Col, Empty, Row, Spin, Statistic } from 'antd';
import { RollupCard } from '../team/RollupCard';
import type { Overview, RiskRanking as Ranking } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { formatFen, ruleTitle } from '../format';
import { useLang } from '../i18n';
import { AmountBarChart } from '../overview/AmountBarChart';
import { everyMonth } from '../overview/months';
import { ReviewProgress } from '../overview/ReviewProgress';
import { RiskRanking } from '../overview/RiskRanking';

export function OverviewScreen() {
  const { t, lang } = useLang();
  const app = useApp();
  const [ov, setOv] = useState<Overview | null>(null);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  useEffect(() => {
    audit().overview().then(setOv).catch(app.reportError);
    audit().riskRanking().then(setRanking).catch(app.reportError);
  }, [app.dataVersion, app.reportError]);
  if (!ov || !ranking) return <Spin />;
  const stats: [string, string][] = [
    [t('ui.overview.townships'), String(ov.townships)],
    [t('ui.overview.villages'), String(ov.villages)],
    [t('ui.overview.lines'), ov.lines.toLocaleString()],
    [t('ui.overview.findings'), String(ov.findings)],
    [t('ui.overview.amount'), formatFen(ov.amountFen)],
    [t('ui.overview.reviewed'), `${ov.reviewed} / ${ov.findings}`],
  ];
  const hint = <span style={{ fontWeight: 400, fontSize: 12, color: '#8c8c8c' }}>{t('ui.overview.clickHint')}</span>;
  return (
    <div data-testid="overview">
      <Row gutter={[12, 12]}>
        {stats.map(([label, value]) => (
          <Col key={label} span={4}><Card size="small" styles={{ body: { padding: '8px 12px' } }}><Statistic title={label} value={value} styles={{ content: { fontSize: 20 } }} /></Card></Col>
        ))}
      </Row>
      {ranking.villages.length > 0 && (
        <Card size="small" title={t('ui.overview.ranked')} style={{ marginTop: 12 }}>
          <RiskRanking ranking={ranking} rules={app.rules}
            onSelect={(r) => app.go('findings', r.village === null ? { township: [r.township] } : { township: [r.township], village: [r.village] })}
            onLedger={(r) => app.openLedger({ township: r.township, village: r.village ?? undefined })} />
        </Card>
      )}
      {ov.findings === 0 ? <Empty style={{ marginTop: 32 }} description={t('ui.overview.empty')} /> : (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col span={9}>
            <Card size="small" title={t('ui.overview.byRule')} extra={hint}>
              <AmountBarChart testId="chart-rule" horizontal height={176} data={ov.byRule.map((r) => ({ key: r.rule, label: ruleTitle(app.rules, r.rule, lang), amountFen: r.amountFen, count: r.count }))}
                onSelect={(rule) => app.go('findings', { rule: [rule] })} />
            </Card>
          </Col>
          <Col span={9}>
            <Card size="small" title={t('ui.overview.byTownship')}>
              <AmountBarChart testId="chart-township" horizontal height={176} data={ov.byTownship.map((r) => ({ key: r.township, label: r.township, amountFen: r.amountFen, count: r.count }))}
                onSelect={(township) => app.go('findings', { township: [township] })} />
            </Card>
          </Col>
          <Col span={6}>
            <Card size="small" title={t('ui.overview.progress')}><ReviewProgress overview={ov} /></Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('ui.overview.byMonth')}>
              <AmountBarChart testId="chart-month" time height={214} data={everyMonth(ov.byMonth).map((r) => ({ key: r.month, label: r.month, amountFen: r.amountFen, count: r.count }))}
                onSelect={(month) => app.go('findings', { month })} />
            </Card>
          </Col>
        </Row>
      )}
      <RollupCard />
    </div>
  );
}
