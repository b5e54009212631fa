// One rule: switched on or off (at once, followed by a re-run), what it flags, the policy it
// enforces, why, its blind spots and the data it needs — the texts of its page docs/rules/<id>.md —,
// its settings with their defaults, save or reset (each followed by a re-run; the engine keeps
// every review decision).
import { useEffect, useState } from 'react';
import { Button, Card, Collapse, Form, Space, Switch, Tag, Typography } from 'antd';
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

const isKey = (k: string): k is MessageKey => k in messages;

export function RuleSettingsCard({ rule, busy, onSave, onReset }: Props) {
  const { t, lang } = useLang();
  const [draft, setDraft] = useState<Record<string, unknown>>(rule.settings);
  useEffect(() => setDraft(rule.settings), [rule.settings]);
  const text = (part: string): string => {
    const k = `rule.${rule.id}.${part}`;
    return isKey(k) ? t(k) : '';
  };
  const label = (key: string): string => {
    for (const k of [`rule.${rule.id}.setting.${key}`, `ui.settings.key.${key}`]) if (isKey(k)) return t(k);
    return key;
  };
  const show = (key: string, v: unknown): string => {
    const one = (x: unknown): string => (key.endsWith('Fen') && typeof x === 'number' ? formatFen(x) : String(x));
    return Array.isArray(v) ? v.map(one).join(t('fmt.list')) : one(v);
  };
  const data = (d: string): string => {
    const k = d === 'projects' || d === 'cadres' ? `rule.needs.${d}` : `ui.field.${d}`;
    return isKey(k) ? t(k) : d;
  };
  const on = rule.settings.enabled !== false;
  const own = Object.keys(rule.defaults).filter((k) => k !== 'enabled');
  return (
    <Card size="small" id={`rule-${rule.id}`} data-testid={`rule-${rule.id}`} data-enabled={on ? 'on' : 'off'}
      title={
        <Space>
          <Switch size="small" checked={on} disabled={busy} onChange={(v) => onSave({ ...rule.settings, enabled: v })} data-testid={`rule-enabled-${rule.id}`} />
          <span style={on ? undefined : { color: '#8c8c8c' }}>{pick(lang, rule.title, rule.titleEn)}</span>
          {!on && <Tag>{t('ui.settings.off')}</Tag>}
          <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>{rule.id}</Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button type="primary" loading={busy} onClick={() => onSave(draft)} data-testid={`rule-save-${rule.id}`}>{t('ui.settings.save')}</Button>
          <Button disabled={busy} onClick={onReset} data-testid={`rule-reset-${rule.id}`}>{t('ui.settings.reset')}</Button>
        </Space>
      }>
      <Typography.Paragraph style={{ marginBottom: 4 }}><Typography.Text type="secondary">{t('ui.settings.policy')}</Typography.Text>{pick(lang, rule.policy, rule.policyEn)}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }} data-testid={`rule-detects-${rule.id}`}><Typography.Text type="secondary">{t('ui.settings.detects')}</Typography.Text>{text('detects')}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('ui.settings.needs')}</Typography.Text>
        {rule.needs.length ? rule.needs.map(data).join(t('fmt.list')) : t('rule.needs.ledger')}
        {rule.uses.length > 0 && <Typography.Text type="secondary">{t('ui.settings.uses', { list: rule.uses.map(data).join(t('fmt.list')) })}</Typography.Text>}
      </Typography.Paragraph>
      <Collapse size="small" style={{ marginBottom: 8 }} items={[{
        key: 'why', label: t('ui.settings.whyAndBlind'),
        children: (
          <div data-testid={`rule-why-${rule.id}`}>
            <Typography.Paragraph><Typography.Text type="secondary">{t('ui.settings.why')}</Typography.Text>{text('why')}</Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}><Typography.Text type="secondary">{t('ui.settings.blind')}</Typography.Text>{text('blind')}</Typography.Paragraph>
          </div>
        ),
      }]} />
      <Form layout="vertical" size="small" disabled={!on}>
        {own.map((key) => (
          <Form.Item key={key} label={label(key)} extra={t('ui.settings.default', { value: show(key, rule.defaults[key]) })} style={{ marginBottom: 8 }}>
            <RuleSettingField name={key} value={draft[key]} fallback={rule.defaults[key]} onChange={(v) => setDraft({ ...draft, [key]: v })} testId={`setting-${rule.id}-${key}`} />
          </Form.Item>
        ))}
      </Form>
    </Card>
  );
}
