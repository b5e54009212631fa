// What a review decision must clear before it is recorded: a dismissal's reason (also on the N
// key and in bulk), a confirmation of a bulk decision with its count and amount, and a warning
// when a finding backs a case lead (handed over: a corrected version goes to the commission; a
// closed rectification item's basis changes). Answers the note and whether the leads were acknowledged, or null when cancelled.
import { useRef, useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import type { FindingStatus, ReviewImpact } from '../../../shared/contract';
import { audit } from '../api';
import { formatFen } from '../format';
import { useLang } from '../i18n';

export interface Cleared { note: string | undefined; acknowledgeLeads: boolean }

type Step =
  | { kind: 'reason'; count: number; decision: FindingStatus }
  | { kind: 'confirm'; impact: ReviewImpact; decision: FindingStatus };

export function useDecisionGuard() {
  const { t } = useLang();
  const [step, setStep] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const answer = useRef<((ok: boolean) => void) | null>(null);

  const ask = (s: Step): Promise<boolean> => new Promise((resolve) => {
    answer.current = resolve;
    setStep(s);
  });
  const close = (ok: boolean) => {
    setStep(null);
    (document.activeElement as HTMLElement | null)?.blur();
    answer.current?.(ok);
    answer.current = null;
  };

  const guard = async (ids: string[], decision: FindingStatus, note: string | undefined): Promise<Cleared | null> => {
    let n = note?.trim() || undefined;
    if (decision === 'dismissed' && !n) {
      setReason('');
      if (!(await ask({ kind: 'reason', count: ids.length, decision }))) return null;
      n = reasonRef.current.trim();
    }
    const impact = await audit().reviewImpact({ ids, decision });
    if (ids.length > 1 || impact.leads.length > 0) {
      if (!(await ask({ kind: 'confirm', impact, decision }))) return null;
    }
    return { note: n, acknowledgeLeads: impact.leads.length > 0 };
  };
  const reasonRef = useRef('');
  reasonRef.current = reason;

  const status = step ? t(`ui.status.${step.decision}`) : '';
  const modal = (
    <>
      <Modal open={step?.kind === 'reason'} title={t('ui.review.reason.title', { count: step?.kind === 'reason' ? step.count : 0 })} okText={t('ui.review.reason.ok')}
        onOk={() => reason.trim() && close(true)} onCancel={() => close(false)} okButtonProps={{ disabled: !reason.trim(), ...{ 'data-testid': 'dismiss-reason-ok' } }} destroyOnHidden>
        <Typography.Paragraph>{t('ui.review.reason.ask')}</Typography.Paragraph>
        <Input.TextArea autoFocus rows={3} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} placeholder={t('ui.review.reason.placeholder')} data-testid="dismiss-reason" />
      </Modal>
      <Modal open={step?.kind === 'confirm'} title={t('ui.review.confirm.title', { status })} okText={t('ui.review.confirm.ok', { status })}
        onOk={() => close(true)} onCancel={() => close(false)} okButtonProps={{ danger: !!(step?.kind === 'confirm' && step.impact.leads.length), ...{ 'data-testid': 'review-confirm-ok' } }} destroyOnHidden>
        {step?.kind === 'confirm' && (
          <div data-testid="review-impact">
            <Typography.Paragraph>{t('ui.review.confirm.what', { count: step.impact.count, amount: formatFen(step.impact.amountFen), status })}</Typography.Paragraph>
            {step.impact.leads.length > 0 && (
              <Alert type="warning" showIcon data-testid="lead-warning" title={t('ui.review.leads.title')} description={(
                <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                  {step.impact.leads.map((l) => (
                    <li key={l.number}>{l.handedOver
                      ? t('ui.review.leads.handed', { number: l.number, count: l.findings, to: l.toUnit ?? '', date: (l.handedAt ?? '').slice(0, 10), version: l.nextVersion })
                      : t('ui.review.leads.open', { number: l.number, count: l.findings })}</li>
                  ))}
                  {step.impact.rectifications.filter((r) => r.closed).map((r) => <li key={r.id}>{t('ui.review.leads.rect', { id: r.id })}</li>)}
                </ul>
              )} />
            )}
          </div>
        )}
      </Modal>
    </>
  );
  return { guard, modal, open: step !== null };
}
