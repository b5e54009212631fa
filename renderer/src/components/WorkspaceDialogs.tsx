// Opening a workspace safely: its password asked when it is encrypted (and chosen, twice, when a
// new one is created; never stored: the recent list keeps the path only), and the integrity check
// made on opening shown at once, loudly, when it found a break (which entry, what changed).
import { useRef, useState } from 'react';
import { Alert, Input, Modal, Space, Typography } from 'antd';
import type { VerifyReport, WorkspaceInfo } from '../../../shared/contract';
import { audit } from '../api';
import { errorText } from '../errors';
import { useLang } from '../i18n';

type Ask = { path: string; create: boolean };

export function useWorkspaceOpener() {
  const { t, lang } = useLang();
  const [ask, setAsk] = useState<Ask | null>(null);
  const [pw, setPw] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const done = useRef<((ws: WorkspaceInfo | null) => void) | null>(null);
  const afterReport = useRef<(() => void) | null>(null);
  const dismissReport = () => {
    setReport(null);
    afterReport.current?.();
    afterReport.current = null;
  };

  const finish = (ws: WorkspaceInfo | null) => {
    setAsk(null);
    if (ws && !ws.integrity.ok) setReport(ws.integrity);
    done.current?.(ws);
    done.current = null;
  };

  /** Opens `path` (creating it when `create`), asking for the password first when there is one to give or to choose. */
  const open = async (path: string, create: boolean): Promise<WorkspaceInfo | null> => {
    const file = await audit().inspectWorkspace({ path });
    if (!file.encrypted && !(create && !file.exists)) {
      const ws = await audit().openWorkspace({ path, create });
      if (!ws.integrity.ok) setReport(ws.integrity);
      return ws;
    }
    setPw('');
    setAgain('');
    setError(null);
    return new Promise((resolve) => {
      done.current = resolve;
      setAsk({ path, create: !file.exists });
    });
  };

  const submit = async (withPassword: boolean) => {
    if (!ask) return;
    if (withPassword && ask.create && pw !== again) return setError(t('ui.ws.password.mismatch'));
    setBusy(true);
    try {
      finish(await audit().openWorkspace({ path: ask.path, create: ask.create, ...(withPassword ? { password: pw } : {}) }));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  const modal = (
    <>
      <Modal open={ask !== null} title={t(ask?.create ? 'ui.ws.password.create' : 'ui.ws.password.open')} destroyOnHidden confirmLoading={busy}
        okText={t(ask?.create ? 'ui.ws.password.create-ok' : 'ui.ws.password.open-ok')} okButtonProps={{ disabled: !pw || (ask?.create && !again), ...{ 'data-testid': 'password-ok' } }}
        onOk={() => submit(true)} onCancel={() => finish(null)}
        footer={(_, { OkBtn, CancelBtn }) => <Space>{ask?.create && <a onClick={() => submit(false)} data-testid="password-none">{t('ui.ws.password.none')}</a>}<CancelBtn /><OkBtn /></Space>}>
        <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-all' }}>{ask?.path}</Typography.Paragraph>
        <Typography.Paragraph>{t(ask?.create ? 'ui.ws.password.create-hint' : 'ui.ws.password.open-hint')}</Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.Password autoFocus value={pw} onChange={(e) => setPw(e.target.value)} placeholder={t('ui.ws.password.placeholder')} onPressEnter={() => !ask?.create && submit(true)} data-testid="password" />
          {ask?.create && <Input.Password value={again} onChange={(e) => setAgain(e.target.value)} placeholder={t('ui.ws.password.again')} data-testid="password-again" />}
          {error && <Alert type="error" showIcon title={error} data-testid="password-error" />}
        </Space>
      </Modal>
      <Modal open={report !== null} title={t('ui.ws.integrity.title')} width={760} onOk={dismissReport} onCancel={dismissReport} cancelButtonProps={{ style: { display: 'none' } }} okText={t('ui.ok')}>
        {report && (
          <div data-testid="integrity-alert">
            <Alert type="error" showIcon title={t('ui.ws.integrity.summary', { count: report.breaks.length + report.more })} description={t('ui.ws.integrity.hint')} style={{ marginBottom: 12 }} />
            <ul style={{ paddingInlineStart: 18, maxHeight: 360, overflow: 'auto' }}>
              {report.breaks.map((b, i) => (
                <li key={i} data-kind={b.kind}>
                  <Typography.Text strong>{b.what[lang]}</Typography.Text>{t('ui.trail.sep.field')}{b.message[lang]}
                  {b.changes.map((c) => <div key={c.field} style={{ fontSize: 12 }}>{t('verify.change', { label: c.label[lang], was: c.was, now: c.now })}</div>)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Modal>
    </>
  );
  /** What to do once the reviewer has read a failed check (go on into the workspace). */
  const whenRead = (then: () => void) => { afterReport.current = then; };
  return { open, modal, whenRead };
}
