// Work packages in the app: export (the villages to carry, a password twice, final or not, where
// to write), import (which file, its password) — each with the engine's progress — and what the
// merge did: files added, decisions taken, leads renumbered, and the conflicts to resolve.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Checkbox, Form, Input, List, Modal, Progress, Space, Tree, Typography } from 'antd';
import type { PackageExportResult, PackageImportResult, PackageScopeVillage } from '../../../shared/contract';
import { PACKAGE_EXTENSION } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { errorText } from '../errors';
import { useReviewer } from '../findings/useReviewer';
import { useLang } from '../i18n';
import { ConflictList } from './ConflictList';
import { percentOf, usePackageProgress } from './usePackageProgress';

const MIN_PASSWORD = 8;
const placeKey = (v: { township: string; village: string }): string => `${v.township}/${v.village}`;

export function ExportPackageModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useLang();
  const app = useApp();
  const reviewer = useReviewer();
  const [scope, setScope] = useState<PackageScopeVillage[]>([]);
  const [checked, setChecked] = useState<string[]>([]);
  const [pw, setPw] = useState('');
  const [again, setAgain] = useState('');
  const [final, setFinal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PackageExportResult | null>(null);
  const progress = usePackageProgress(busy);

  useEffect(() => {
    if (!open) return;
    setPw(''); setAgain(''); setFinal(false); setError(null); setDone(null);
    audit().packageScope().then((s) => { setScope(s); setChecked(s.map(placeKey)); }).catch(app.reportError);
  }, [open, app.reportError]);

  const tree = useMemo(() => {
    const townships = [...new Set(scope.map((v) => v.township))];
    return townships.map((tw) => ({
      key: `t:${tw}`, title: tw,
      children: scope.filter((v) => v.township === tw).map((v) => ({
        key: placeKey(v), title: <span data-testid="package-village">{`${v.village} · ${t('ui.package.village.counts', { findings: v.findings, reviewed: v.reviewed, leads: v.leads })} · ${v.group}`}</span>,
      })),
    }));
  }, [scope, t]);
  const villages = scope.filter((v) => checked.includes(placeKey(v)));
  const mismatch = again.length > 0 && pw !== again;

  const go = () => reviewer.withReviewer(async (actor) => {
    setError(null);
    try {
      const date = new Date().toISOString().slice(0, 10);
      const path = await audit().chooseSaveFile({ defaultName: t('ui.package.file-name', { date }).concat('.', PACKAGE_EXTENSION), title: t('ui.package.export') });
      if (!path) return;
      setBusy(true);
      const r = await audit().exportPackage({ path, password: pw, actor, final, villages: villages.map((v) => ({ township: v.township, village: v.village })) });
      setDone(r);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Modal open={open} title={t('ui.package.export')} width={640} onCancel={onClose} destroyOnHidden
      onOk={done ? onClose : go} okText={done ? t('ui.ok') : t('ui.package.export.go')} confirmLoading={busy}
      okButtonProps={{ disabled: !done && (villages.length === 0 || pw.length < MIN_PASSWORD || pw !== again), 'data-testid': 'package-export-go' }}>
      {done ? (
        <Alert type="success" showIcon data-testid="package-export-done" title={t(done.final ? 'ui.package.exported-final' : 'ui.package.exported', { path: done.path, villages: done.villages.length, leads: done.counts.leads, reviews: done.counts.reviews })}
          description={<Typography.Text className="va-mono" style={{ fontSize: 12 }}>{`SHA-256 ${done.sha256}`}</Typography.Text>} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('ui.package.export.intro')}</Typography.Paragraph>
          <Form layout="vertical" size="small">
            <Form.Item label={t('ui.package.villages', { count: villages.length })}>
              <div style={{ maxHeight: 220, overflow: 'auto', border: '1px solid #f0f0f0', padding: 4 }}>
                {/* Made once the villages are known: defaultExpandAll expands what the first render has. */}
                {tree.length > 0 && (
                  <Tree checkable defaultExpandAll selectable={false} treeData={tree} checkedKeys={checked}
                    onCheck={(keys) => setChecked((Array.isArray(keys) ? keys : keys.checked).map(String).filter((k) => !k.startsWith('t:')))} />
                )}
              </div>
            </Form.Item>
            <Form.Item label={t('ui.package.password')} extra={t('ui.package.password.hint')}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Input.Password value={pw} onChange={(e) => setPw(e.target.value)} data-testid="package-password" />
                <Input.Password value={again} onChange={(e) => setAgain(e.target.value)} placeholder={t('ui.ws.password.again')} status={mismatch ? 'error' : undefined} data-testid="package-password-again" />
              </Space>
            </Form.Item>
            <Checkbox checked={final} onChange={(e) => setFinal(e.target.checked)} data-testid="package-final">{t('ui.package.final')}</Checkbox>
          </Form>
          {busy && <Progress percent={percentOf(progress)} size="small" data-testid="package-progress" />}
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="package-error" />}
        </>
      )}
      {reviewer.modal}
    </Modal>
  );
}

export function ImportPackageModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useLang();
  const app = useApp();
  const reviewer = useReviewer();
  const [file, setFile] = useState<string | null>(null);
  const [pw, setPw] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<PackageImportResult | null>(null);
  const progress = usePackageProgress(busy);

  useEffect(() => {
    if (!open) return;
    setFile(null); setPw(''); setError(null); setDone(null);
  }, [open]);

  const choose = async () => {
    const [f] = await audit().chooseFiles({ kind: 'package', multiple: false });
    if (f) setFile(f);
  };
  const go = () => reviewer.withReviewer(async (actor) => {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const r = await audit().importPackage({ path: file, password: pw, actor });
      setDone(r);
      await app.refreshWorkspace();
      app.dataChanged();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  });
  const reload = async () => {
    if (!done) return;
    const all = await audit().listConflicts({ all: true });
    setDone({ ...done, conflicts: all.filter((c) => done.conflicts.some((x) => x.id === c.id)) });
  };

  return (
    <Modal open={open} title={t('ui.package.import')} width={done && done.conflicts.length > 0 ? 920 : 600} onCancel={onClose} destroyOnHidden
      onOk={done ? onClose : go} okText={done ? t('ui.ok') : t('ui.package.import.go')} confirmLoading={busy}
      okButtonProps={{ disabled: !done && (!file || !pw), 'data-testid': 'package-import-go' }}>
      {done ? (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="package-import-done">
          <Alert type={done.conflicts.some((c) => !c.resolvedAt) ? 'warning' : 'success'} showIcon title={done.message[lang]} data-testid="package-import-message" />
          {done.leads.renumbered.length > 0 && (
            <List size="small" header={t('ui.package.renumbered')} dataSource={done.leads.renumbered} data-testid="package-renumbered"
              renderItem={(r) => <List.Item>{t('ui.package.renumbered.item', { from: r.from, to: r.to })}</List.Item>} />
          )}
          {done.conflicts.length > 0 && <ConflictList conflicts={done.conflicts} onResolved={() => { reload().catch(app.reportError); }} />}
        </Space>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('ui.package.import.intro')}</Typography.Paragraph>
          <Form layout="vertical" size="small">
            <Form.Item label={t('ui.package.file')}>
              <Space>
                <a onClick={() => { choose().catch(app.reportError); }} data-testid="package-choose">{t('ui.package.choose')}</a>
                <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }} data-testid="package-file">{file ?? ''}</Typography.Text>
              </Space>
            </Form.Item>
            <Form.Item label={t('ui.package.password')}>
              <Input.Password value={pw} onChange={(e) => setPw(e.target.value)} onPressEnter={go} data-testid="package-import-password" />
            </Form.Item>
          </Form>
          {busy && <Progress percent={percentOf(progress)} size="small" data-testid="package-progress" />}
          {error && <Alert type="error" showIcon title={error} data-testid="package-error" />}
        </>
      )}
      {reviewer.modal}
    </Modal>
  );
}
