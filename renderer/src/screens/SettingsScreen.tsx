// Settings: every rule with its policy and settings (saving re-runs the rules), and the
// 线索来源 that new case leads carry.
import { useState } from 'react';
import { App as AntApp, Space } from 'antd';
import type { RuleInfo } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { useLang } from '../i18n';
import { LeadSourceCard } from '../settings/LeadSourceCard';
import { RuleSettingsCard } from '../settings/RuleSettingsCard';

export function SettingsScreen() {
  const { t } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const apply = async (rule: string, change: () => Promise<RuleInfo>) => {
    setBusy(rule);
    try {
      await change();
      await audit().runRules();
      await app.reloadRules();
      await app.refreshWorkspace();
      app.dataChanged();
      void message.success(t('ui.settings.saved'));
    } catch (e) {
      app.reportError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 980 }}>
      {app.rules.map((r) => (
        <RuleSettingsCard key={r.id} rule={r} busy={busy === r.id}
          onSave={(settings) => apply(r.id, () => audit().saveRuleSettings({ rule: r.id, settings }))}
          onReset={() => apply(r.id, () => audit().resetRuleSettings({ rule: r.id }))} />
      ))}
      <LeadSourceCard />
    </Space>
  );
}
