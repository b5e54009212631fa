// What the shell answers itself: native dialogs (in the UI's language) and the list of recent
// workspaces; and the language itself, which the renderer reports (setLanguage) so the menu and
// the dialogs follow its switch.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { PACKAGE_EXTENSION } from '../shared/contract';
import type { Lang } from '../shared/contract/types';
import { t, type MessageKey } from '../shared/i18n/messages';
import type { ShellHandlers } from './ipc';

const MAX_RECENT = 10;

export class RecentWorkspaces {
  constructor(private readonly file: string) {}

  list(): string[] {
    try {
      const v = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string' && existsSync(p)) : [];
    } catch {
      return [];
    }
  }

  add(path: string): void {
    const list = [path, ...this.list().filter((p) => p !== path)].slice(0, MAX_RECENT);
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(list, null, 2));
  }
}

const TABLES = ['csv', 'txt', 'xlsx'];
const filtersIn = (tr: (key: MessageKey) => string) => ({
  ledger: [{ name: tr('shell.filter.ledger'), extensions: TABLES }],
  projects: [{ name: tr('shell.filter.projects'), extensions: TABLES }],
  cadres: [{ name: tr('shell.filter.cadres'), extensions: TABLES }],
  // Evidence of rectification: scans, photos, receipts, documents of any kind.
  evidence: [{ name: tr('shell.filter.evidence'), extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'doc', 'docx', 'xls', 'xlsx', 'ofd'] }, { name: tr('shell.filter.all'), extensions: ['*'] }],
  workspace: [{ name: tr('shell.filter.workspace'), extensions: ['sqlite'] }],
  package: [{ name: tr('shell.filter.package'), extensions: [PACKAGE_EXTENSION] }],
});

const TITLES = {
  ledger: 'shell.dialog.ledger', projects: 'shell.dialog.projects', cadres: 'shell.dialog.cadres', evidence: 'shell.dialog.evidence', package: 'shell.dialog.package',
} as const satisfies Record<string, MessageKey>;

/** The UI's language as the shell keeps it: read by the dialogs, set by the renderer (and main rebuilds the menu). */
export interface ShellLanguage {
  get(): Lang;
  set(lang: Lang): void;
}

/** A language held in memory, calling back when it changes. */
export function shellLanguage(onChange: (lang: Lang) => void = () => undefined): ShellLanguage {
  let lang: Lang = 'zh';
  return {
    get: () => lang,
    set: (l) => {
      if (l === lang) return;
      lang = l;
      onChange(l);
    },
  };
}

export function shellHandlers(dialog: Dialog, window: () => BrowserWindow | null, recent: RecentWorkspaces, language: ShellLanguage = shellLanguage()): ShellHandlers {
  const win = (): BrowserWindow => window() as BrowserWindow;
  const tr = (key: MessageKey, params?: Record<string, string>): string => t(language.get(), key, params);
  return {
    async chooseFiles(args) {
      const r = await dialog.showOpenDialog(win(), {
        title: tr(TITLES[args.kind]),
        properties: args.multiple === false ? ['openFile'] : ['openFile', 'multiSelections'],
        filters: filtersIn(tr)[args.kind],
      });
      return r.canceled ? [] : r.filePaths;
    },
    async chooseDirectory(args) {
      const r = await dialog.showOpenDialog(win(), { title: args.title ?? tr('shell.dialog.export-dir'), properties: ['openDirectory', 'createDirectory'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseWorkspace(args) {
      if (args.create) {
        const r = await dialog.showSaveDialog(win(), { title: tr('shell.dialog.new-workspace'), defaultPath: tr('shell.dialog.workspace-file'), filters: filtersIn(tr).workspace });
        return r.canceled ? null : (r.filePath ?? null);
      }
      const r = await dialog.showOpenDialog(win(), { title: tr('shell.dialog.open-workspace'), properties: ['openFile'], filters: filtersIn(tr).workspace });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSaveFile(args) {
      const ext = extname(args.defaultName).slice(1).toLowerCase();
      const r = await dialog.showSaveDialog(win(), {
        title: args.title ?? tr('shell.dialog.save'),
        defaultPath: args.defaultName,
        filters: ext ? [{ name: tr('shell.filter.extension', { ext: ext.toUpperCase() }), extensions: [ext] }] : [],
      });
      return r.canceled ? null : (r.filePath ?? null);
    },
    async recentWorkspaces() {
      return recent.list();
    },
    async setLanguage(args) {
      language.set(args.lang);
    },
  };
}
