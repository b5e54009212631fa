// One rule: the policy it enforces, its settings with their defaults, save or reset (each
// followed by a re-run of the rules; the engine keeps every review decision).
import { useEffect, useState } from 'react';
import { Button, Card, Form, Space, Typography } from 'antd';
import type { RuleInfo } from '../../../shared/contract';
import { messages, type MessageKey } from '../../../shared/i18n/messages';
import { formatFen } from '../format';
import { pick, useLang } from '../i18n';
import { RuleSettingField } from './RuleSettingField';

interface Props {
  rule: RuleInfo;
  busy: boolean;
  onSave: (settings: Record<string, unknown>) => void;
  onReset: () => void;
}

function show(key: string, v: unknown, listSeparator: string): string {
  if (key.endsWith('Fen') && typeof v === 'number') return formatFen(v);
  return Array.isArray(v) ? v.join(listSeparator) : String(v);
}

export function RuleSettingsCard({ rule, busy, onSave, onReset }: Props) {
  const { t, lang } = useLang();
  const [draft, setDraft] = useState<Record<string, unknown>>(rule.settings);
  useEffect(() => setDraft(rule.settings), [rule.settings]);
  const label = (key: string) => {
    const k = `ui.settings.key.${key}`;
    return k in messages ? t(k as MessageKey) : key;
  };
  return (
    <Card size="small" title={pick(lang, rule.title, rule.titleEn)} data-testid={`rule-${rule.id}`}
      extra={
        <Space>
          <Button type="primary" loading={busy} onClick={() => onSave(draft)} data-testid={`rule-save-${rule.id}`}>{t('ui.settings.save')}</Button>
          <Button disabled={busy} onClick={onReset} data-testid={`rule-reset-${rule.id}`}>{t('ui.settings.reset')}</Button>
        </Space>
      }>
      <Typography.Paragraph><Typography.Text type="secondary">{t('ui.settings.policy')}</Typography.Text>{pick(lang, rule.policy, rule.policyEn)}</Typography.Paragraph>
      <Form layout="vertical" size="small">
        {Object.keys(rule.defaults).map((key) => (
          <Form.Item key={key} label={label(key)} extra={t('ui.settings.default', { value: show(key, rule.defaults[key], t('fmt.list')) })} style={{ marginBottom: 8 }}>
            <RuleSettingField name={key} value={draft[key]} fallback={rule.defaults[key]} onChange={(v) => setDraft({ ...draft, [key]: v })} testId={`setting-${rule.id}-${key}`} />
          </Form.Item>
        ))}
      </Form>
    </Card>
  );
}
