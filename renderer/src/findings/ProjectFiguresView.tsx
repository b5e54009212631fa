// For a project finding: contract, accepted, measured, paid, payable and the excess.
import { Descriptions } from 'antd';
import type { ProjectFigures } from '../../../shared/contract';
import { formatFen } from '../format';
import { useLang } from '../i18n';

export function ProjectFiguresView({ p }: { p: ProjectFigures }) {
  const { t } = useLang();
  const money = (fen: number) => <span className="va-amount">{formatFen(fen)}</span>;
  const qty = (q: string | null) => (q === null ? '—' : `${q} ${p.unit}`);
  return (
    <Descriptions size="small" bordered column={2} data-testid="project-figures" items={[
      { key: 'name', label: t('ui.project.name'), children: `${p.code} ${p.name}`, span: 2 },
      { key: 'contract', label: t('ui.project.contract'), children: money(p.contractFen) },
      { key: 'cq', label: t('ui.project.contractQty'), children: qty(p.contractQty) },
      { key: 'aq', label: t('ui.project.accepted'), children: qty(p.acceptedQty) },
      { key: 'mq', label: t('ui.project.measured'), children: qty(p.measuredQty) },
      { key: 'paid', label: t('ui.project.paid'), children: money(p.paidFen) },
      { key: 'payable', label: t('ui.project.payable'), children: money(p.payableFen) },
      { key: 'excess', label: t('ui.project.excess'), children: <b style={{ color: '#cf1322' }}>{formatFen(p.excessFen)}</b> },
    ]} />
  );
}
