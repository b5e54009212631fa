// The frame of the UI: language, antd locale, header with workspace and language switch, the
// navigation menu, and the current screen.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import type { FindingQuery, Lang, RuleInfo, WorkspaceInfo } from '../../shared/contract';
import { audit } from './api';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { AppContext, type AppState, type Screen } from './context';
import { errorText } from './errors';
import { LangContext, makeT, useLang } from './i18n';
import { ScreenView } from './screens/ScreenView';
import { loadView, saveView } from './view-state';
import { ExportPackageModal, ImportPackageModal } from './team/PackageModals';

const LANG_KEY = 'va.lang';

function initialLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(LANG_KEY, l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = makeT(lang)('ui.app.title');
    // The desktop menu and the native dialogs follow the language.
    audit().setLanguage({ lang }).catch(() => undefined);
  }, [lang]);
  const langState = useMemo(() => ({ lang, t: makeT(lang), setLang }), [lang, setLang]);
  return (
    <LangContext.Provider value={langState}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} componentSize="small" button={{ autoInsertSpace: false }} theme={{ token: { borderRadius: 4 } }}>
        <AntApp>
          <Shell />
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

function Shell() {
  const { message } = AntApp.useApp();
  const { lang, setLang, t } = useLang();
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [screen, setScreen] = useState<Screen>('start');
  const [rules, setRules] = useState<RuleInfo[]>([]);
  const [dataVersion, setDataVersion] = useState(0);
  const [focus, setFocus] = useState<AppState['focus']>({});
  const [packageDialog, setPackageDialog] = useState<'export' | 'import' | null>(null);

  const reportError = useCallback((e: unknown) => {
    void message.error(errorText(e, lang), 6);
  }, [message, lang]);
  const refreshWorkspace = useCallback(async () => {
    setWorkspace(await audit().workspaceInfo());
  }, []);
  const reloadRules = useCallback(async () => {
    setRules(await audit().listRules());
  }, []);
  useEffect(() => {
    refreshWorkspace().catch(() => undefined);
  }, [refreshWorkspace]);
  useEffect(() => {
    if (workspace) reloadRules().catch(reportError);
  }, [workspace?.path, reloadRules, reportError]);

  // The desktop menu (文件 → 打开工作区 / 导入账簿) asks for a screen through an engine event.
  useEffect(() => audit().onEvent((e) => {
    if (e.type !== 'menu') return;
    if ((e.action === 'export-package' || e.action === 'import-package') && workspace) setPackageDialog(e.action === 'export-package' ? 'export' : 'import');
    else if (e.action === 'import-ledgers' && workspace) setScreen('import');
    else setScreen('start');
  }), [workspace]);

  const state: AppState = {
    workspace, setWorkspace, refreshWorkspace, rules, reloadRules, reportError,
    dataVersion, dataChanged: () => setDataVersion((v) => v + 1),
    go: (s, filter) => {
      // The findings open on that filter (and the sort they had); without one, as they were left.
      if (filter) saveView(workspace?.path, 'findings.query', { ...filter, sort: loadView<FindingQuery>(workspace?.path, 'findings.query', {}).sort });
      setScreen(s);
    },
    focus,
    clearFocus: () => setFocus({}),
    openLead: (lead) => { setFocus({ lead }); setScreen('leads'); },
    openRectification: (rectification) => { setFocus({ rectification }); setScreen('rectification'); },
    openLedger: (ledger) => { setFocus({ ledger }); setScreen('ledger'); },
    openPackage: setPackageDialog,
  };
  const needsWs = (s: Screen) => s !== 'start' && !workspace;
  const items: { key: Screen; label: string }[] = [
    { key: 'start', label: t('ui.nav.start') },
    { key: 'import', label: t('ui.nav.import') },
    { key: 'overview', label: t('ui.nav.overview') },
    { key: 'findings', label: t('ui.nav.findings') },
    { key: 'ledger', label: t('ui.nav.ledger') },
    { key: 'summary', label: t('ui.nav.summary') },
    { key: 'sampling', label: t('ui.nav.sampling') },
    { key: 'projects', label: t('ui.nav.projects') },
    { key: 'leads', label: t('ui.nav.leads') },
    { key: 'rectification', label: t('ui.nav.rectification') },
    { key: 'settings', label: t('ui.nav.settings') },
  ];
  return (
    <AppContext.Provider value={state}>
      <Layout style={{ height: '100vh' }}>
        <Layout.Sider width={148} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '14px 16px', fontWeight: 600 }}>{t('ui.app.title')}</div>
          <Menu
            mode="inline"
            selectedKeys={[screen]}
            items={items.map((i) => ({ key: i.key, label: <span data-nav={i.key}>{i.label}</span>, disabled: needsWs(i.key) }))}
            onClick={(e) => setScreen(e.key as Screen)}
          />
        </Layout.Sider>
        <Layout>
          <div className="va-header">
            <h1>{items.find((i) => i.key === screen)?.label}</h1>
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 560 }} data-testid="workspace-status">
              {workspace ? `${t('ui.ws.current', { path: workspace.path })} · ${t('ui.ws.stats', { files: workspace.files.toLocaleString(), lines: workspace.lines.toLocaleString(), findings: workspace.findings.toLocaleString() })}` : t('ui.ws.none')}
            </Typography.Text>
            <span className="va-spacer" />
            <Button data-testid="lang-switch" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('ui.lang.switch')}</Button>
          </div>
          <div className="va-content">
            <ScreenView screen={needsWs(screen) ? 'start' : screen} />
          </div>
          <ShortcutsHelp />
          <ExportPackageModal open={packageDialog === 'export'} onClose={() => setPackageDialog(null)} />
          <ImportPackageModal open={packageDialog === 'import'} onClose={() => setPackageDialog(null)} />
        </Layout>
      </Layout>
    </AppContext.Provider>
  );
}
