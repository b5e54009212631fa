// Where a lead stands: not handed over, handed over (sealed), edited after its handoff, or merged.
import { Tag } from 'antd';
import type { CaseLead } from '../../../shared/contract';
import { useLang } from '../i18n';

export function LeadStateTag({ lead }: { lead: CaseLead }) {
  const { t } = useLang();
  if (lead.status === 'merged') return <Tag data-lead-state="merged">{t('ui.lead.state.merged', { number: lead.mergedInto ?? '' })}</Tag>;
  if (lead.frozen) return <Tag color="green" data-lead-state="frozen">{t('ui.lead.state.frozen', { version: lead.version })}</Tag>;
  if (lead.version > 1) return <Tag color="orange" data-lead-state="edited">{t('ui.lead.state.edited', { version: lead.version })}</Tag>;
  return <Tag color="blue" data-lead-state="open">{t('ui.lead.state.open')}</Tag>;
}
