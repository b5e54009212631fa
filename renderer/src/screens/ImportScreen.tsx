// Import: pick ledger or project files, preview each, map what is missing, import with progress,
// see each result, then run the rules.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Space } from 'antd';
import { FileTextOutlined, ProjectOutlined } from '@ant-design/icons';
import type { FileKind, RunSummary } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { formatFen } from '../format';
import { pick, useLang } from '../i18n';
import { FileCard } from '../import/FileCard';
import { ImportProgressBar } from '../import/ImportProgressBar';
import { importArgs, type Placement, type PickedFile } from '../import/types';
import { useImportProgress } from '../import/useImportProgress';

export function ImportScreen() {
  const { t, lang } = useLang();
  const app = useApp();
  const { message } = App.useApp();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [rules, setRules] = useState<'idle' | 'running' | RunSummary>('idle');
  const progress = useImportProgress();

  const update = (path: string, patch: Partial<PickedFile>) =>
    setFiles((fs) => fs.map((f) => (f.path === path ? { ...f, ...patch } : f)));

  const pickFiles = async (kind: FileKind) => {
    try {
      const paths = await audit().chooseFiles({ kind, multiple: true });
      for (const path of paths) {
        if (files.some((f) => f.path === path)) continue;
        const preview = await audit().previewFile({ path, kind });
        setFiles((fs) => [...fs, { path, kind, preview, placement: { map: {} }, state: 'preview', result: null }]);
      }
    } catch (e) {
      app.reportError(e);
    }
  };

  /** A file picked as the wrong kind: read it again as what it is, or import the roster where it belongs. */
  const changeKind = async (file: PickedFile, kind: 'ledger' | 'projects' | 'cadres') => {
    try {
      if (kind === 'cadres') {
        const r = await audit().importCadres({ path: file.path });
        if (r.status === 'imported' || r.status === 'duplicate') {
          void message.success(pick(lang, r.message, r.messageEn));
          setFiles((fs) => fs.filter((x) => x.path !== file.path));
        } else void message.error(pick(lang, r.message, r.messageEn), 8);
        return;
      }
      const preview = await audit().previewFile({ path: file.path, kind });
      update(file.path, { kind, preview, placement: { map: {} } });
    } catch (e) {
      app.reportError(e);
    }
  };

  const applyPlacement = async (file: PickedFile, placement: Placement) => {
    try {
      const preview = await audit().previewFile(importArgs({ ...file, placement }));
      update(file.path, { placement, preview });
    } catch (e) {
      app.reportError(e);
    }
  };

  /** Imports one file; true when it added lines to the workspace. */
  const importOne = async (file: PickedFile): Promise<boolean> => {
    progress.reset();
    update(file.path, { state: 'importing', result: null });
    try {
      const result = await audit().importFile(importArgs(file));
      const done = result.status === 'imported' || result.status === 'duplicate';
      update(file.path, { state: done ? 'done' : 'preview', result });
      return result.status === 'imported';
    } catch (e) {
      update(file.path, { state: 'preview' });
      app.reportError(e);
      return false;
    }
  };

  /** Imports the files one after the other, then runs the rules once if anything came in. */
  const runImport = async (list: PickedFile[]) => {
    setBusy(true);
    try {
      let any = false;
      for (const f of list) any = (await importOne(f)) || any;
      await app.refreshWorkspace();
      if (any) await runRules();
    } finally {
      setBusy(false);
    }
  };

  const runRules = async () => {
    setRules('running');
    try {
      setRules(await audit().runRules());
      await app.refreshWorkspace();
      app.dataChanged();
    } catch (e) {
      setRules('idle');
      app.reportError(e);
    }
  };

  const importing = files.some((f) => f.state === 'importing');
  const waiting = files.filter((f) => f.state === 'preview');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('ui.import.title')} size="small">
        <Space>
          <Button type="primary" icon={<FileTextOutlined />} disabled={busy} onClick={() => pickFiles('ledger')} data-testid="pick-ledger">{t('ui.import.pickLedger')}</Button>
          <Button icon={<ProjectOutlined />} disabled={busy} onClick={() => pickFiles('projects')} data-testid="pick-projects">{t('ui.import.pickProjects')}</Button>
          {waiting.length > 1 && (
            <Button type="primary" ghost disabled={busy} onClick={() => runImport(waiting)} data-testid="import-all">{t('ui.import.startAll', { count: waiting.length })}</Button>
          )}
        </Space>
        {importing && <div style={{ marginTop: 12 }}><ImportProgressBar timed={progress.timed} onCancel={() => audit().cancelImport().catch(app.reportError)} /></div>}
      </Card>
      {files.length === 0 && <Empty description={t('ui.import.none')} />}
      {files.map((f) => (
        <FileCard
          key={f.path}
          file={f}
          busy={busy}
          onImport={() => runImport([f])}
          onRemove={() => setFiles((fs) => fs.filter((x) => x.path !== f.path))}
          onPlacement={(p) => applyPlacement(f, p)}
          onKind={(k) => changeKind(f, k)}
        />
      ))}
      {rules === 'running' && <Alert type="info" showIcon title={t('ui.import.runRules')} />}
      {typeof rules === 'object' && (
        <Alert
          type="success"
          showIcon
          data-testid="rules-summary"
          title={t('ui.import.rulesDone', { count: rules.total, amount: formatFen(rules.totalAmountFen) })}
          action={<Button onClick={() => app.go('findings', {})}>{t('ui.import.toFindings')}</Button>}
        />
      )}
    </Space>
  );
}
