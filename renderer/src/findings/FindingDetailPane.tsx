// The detail of the active finding: reason, voucher lines with their sources, project figures or
// (a Benford finding) the first-digit chart, the review note and buttons, and the history.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Empty, Input, Space, Typography } from 'antd';
import { FileSearchOutlined, PrinterOutlined } from '@ant-design/icons';
import type { FindingDetail, FindingStatus } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { formatFen, ruleTitle } from '../format';
import { pick, useLang } from '../i18n';
import { BenfordChart } from './BenfordChart';
import { ProjectFiguresView } from './ProjectFiguresView';
import { ReviewHistory } from './ReviewHistory';
import { StatusTag } from './StatusTag';
import { VoucherLines } from './VoucherLines';

interface Props {
  id: string | null;
  /** Bumped after a decision so the pane reloads its history. */
  version: number;
  note: string;
  onNote: (note: string) => void;
  onDecide: (decision: FindingStatus) => void;
  /** A confirmed finding can go straight into the rectification ledger (without a lead). */
  onToRectification?: (id: string) => void;
  /** The ledger around the finding (L). */
  onLedger?: () => void;
}

export function FindingDetailPane({ id, version, note, onNote, onDecide, onToRectification, onLedger }: Props) {
  const { t, lang } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const [detail, setDetail] = useState<FindingDetail | null>(null);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!id) return setDetail(null);
    let live = true;
    audit().getFinding({ id }).then((d) => live && setDetail(d)).catch(app.reportError);
    return () => { live = false; };
  }, [id, version, app.reportError]);
  if (!id || !detail) return <Card size="small"><Empty description={t('ui.detail.empty')} /></Card>;
  const print = async () => {
    const path = await audit().chooseSaveFile({ defaultName: t('ui.print.fileName', { village: detail.village, date: detail.date, voucher: detail.vouchers[0] ?? '' }), title: t('ui.print.title') });
    if (!path) return;
    setPrinting(true);
    try {
      const r = await audit().printFinding({ id: detail.id, path });
      void message.success(t('ui.print.done', { path: r.path }), 6);
    } catch (e) {
      app.reportError(e);
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="finding-detail" data-finding-id={detail.id}>
      <Card size="small" title={<Space>{ruleTitle(app.rules, detail.rule, lang)}<StatusTag status={detail.status} /></Space>}>
        <Typography.Paragraph strong data-testid="finding-reason">{pick(lang, detail.reason, detail.reasonEn)}</Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, sm: 2, xxl: 3 }} items={[
          { key: 'place', label: t('ui.col.village'), children: `${detail.township} ${detail.village}` },
          { key: 'date', label: t('ui.col.date'), children: <span className="va-nowrap">{detail.date}</span> },
          { key: 'amount', label: t('ui.col.amount'), children: <span className="va-amount">{formatFen(detail.amountFen)}</span> },
        ]} />
        <Input.TextArea rows={2} value={note} placeholder={t('ui.detail.note')} onChange={(e) => onNote(e.target.value)} data-testid="review-note"
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur();
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              onDecide('confirmed');
            }
          }} />
        <Space style={{ marginTop: 8 }} wrap size={[8, 6]}>
          <Button danger type="primary" onClick={() => onDecide('confirmed')} data-testid="review-confirm">{t('ui.detail.confirm')}</Button>
          <Button onClick={() => onDecide('dismissed')} data-testid="review-dismiss">{t('ui.detail.dismiss')}</Button>
          <Button type="text" onClick={() => onDecide('pending')}>{t('ui.detail.reset')}</Button>
          {onLedger && <Button icon={<FileSearchOutlined />} onClick={onLedger} data-testid="finding-ledger">{t('ui.detail.ledger')}</Button>}
          <Button icon={<PrinterOutlined />} onClick={print} loading={printing} data-testid="finding-print">{t('ui.detail.print')}</Button>
          {detail.status === 'confirmed' && onToRectification && typeof detail.rectificationId !== 'number' && (
            <Button onClick={() => onToRectification(detail.id)} data-testid="finding-to-rect">{t('ui.finding.toRect')}</Button>
          )}
        </Space>
        {(detail.leadNumber || typeof detail.rectificationId === 'number') && (
          <Space style={{ marginTop: 8 }} data-testid="finding-links">
            {detail.leadNumber && <Typography.Link onClick={() => app.openLead(detail.leadNumber as string)} data-testid="finding-lead">{t('ui.finding.inLead', { number: detail.leadNumber })}</Typography.Link>}
            {typeof detail.rectificationId === 'number' && <Typography.Link onClick={() => app.openRectification(detail.rectificationId as number)}>{t('ui.finding.inRect', { id: detail.rectificationId })}</Typography.Link>}
          </Space>
        )}
      </Card>
      {detail.projectFigures && (
        <Card size="small" title={t('ui.detail.project')} extra={<Button size="small" type="link" onClick={() => app.openLedger({ project: detail.projectFigures?.code })} data-testid="project-ledger">{t('ui.detail.projectLedger')}</Button>}>
          <ProjectFiguresView p={detail.projectFigures} />
        </Card>
      )}
      {detail.benford && <Card size="small" title={t('ui.detail.benford')}><BenfordChart b={detail.benford} /></Card>}
      <Card size="small" title={t('ui.detail.lines')}><VoucherLines lines={detail.lines} onContext={(lineId) => app.openLedger({ lineId })} /></Card>
      <Card size="small" title={t('ui.detail.history')}><ReviewHistory history={detail.history} /></Card>
    </Space>
  );
}
