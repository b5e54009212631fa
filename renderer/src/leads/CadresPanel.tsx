// 村干部名册: import a roster (same decoding, header recognition and file:line:column errors as
// the ledgers) and see who held which post when; leads name whoever was in office.
import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Space, Table, Typography } from 'antd';
import type { Cadre, CadreImportResult } from '../../../shared/contract';
import { audit } from '../api';
import { useApp } from '../context';
import { pick, useLang } from '../i18n';

export function CadresPanel({ withReviewer }: { withReviewer: (action: (name: string) => void) => void }) {
  const { t, lang } = useLang();
  const app = useApp();
  const { message } = AntApp.useApp();
  const [rows, setRows] = useState<Cadre[] | null>(null);
  const [result, setResult] = useState<CadreImportResult | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    audit().listCadres({}).then(setRows).catch(app.reportError);
  }, [reload, app.reportError]);
  const importRoster = () => withReviewer(async (actor) => {
    try {
      const [path] = await audit().chooseFiles({ kind: 'cadres', multiple: false });
      if (!path) return;
      const r = await audit().importCadres({ path, actor });
      setResult(r);
      if (r.status === 'imported') void message.success(pick(lang, r.message, r.messageEn));
      setReload((x) => x + 1);
    } catch (e) { app.reportError(e); }
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button onClick={importRoster} data-testid="cadres-import">{t('ui.cadres.import')}</Button>
        <Typography.Text type="secondary">{t('ui.cadres.hint')}</Typography.Text>
      </Space>
      {result && result.status !== 'imported' && (
        <Alert type={result.status === 'duplicate' ? 'info' : 'error'} showIcon data-testid="cadres-result"
          title={pick(lang, result.message, result.messageEn)}
          description={result.errors.length > 0 && (
            <ul className="va-error-list">
              {result.errors.map((e) => <li key={`${e.line}:${e.column}`}>{`${e.file}:${e.line}:${e.column} ${pick(lang, e.message, e.messageEn)}`}</li>)}
            </ul>
          )} />
      )}
      <Typography.Text type="secondary">{t('ui.cadres.rebuildHint')}</Typography.Text>
      <Table<Cadre>
        size="small"
        rowKey={(c) => `${c.file}:${c.line}`}
        loading={!rows}
        dataSource={rows ?? []}
        pagination={(rows?.length ?? 0) > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        locale={{ emptyText: t('ui.cadres.none') }}
        data-testid="cadres-table"
        columns={[
          { key: 'place', title: t('ui.col.village'), width: 160, render: (_, c) => `${c.township} ${c.village}` },
          { key: 'name', title: t('ui.cadres.col.name'), dataIndex: 'name', width: 100 },
          { key: 'post', title: t('ui.cadres.col.post'), dataIndex: 'post', width: 160 },
          { key: 'term', title: t('ui.cadres.col.term'), width: 200, render: (_, c) => `${c.termStart} — ${c.termEnd ?? t('ui.cadres.inOffice')}` },
          { key: 'src', title: t('ui.col.file'), render: (_, c) => <span className="va-mono">{`${c.file}:${c.line}`}</span> },
        ]}
      />
    </Space>
  );
}
