// What the shell answers itself: native dialogs and the list of recent workspaces.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { zh } from '../shared/i18n/messages';
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
const FILTERS = {
  ledger: [{ name: zh('shell.filter.ledger'), extensions: TABLES }],
  projects: [{ name: zh('shell.filter.projects'), extensions: TABLES }],
  cadres: [{ name: zh('shell.filter.cadres'), extensions: TABLES }],
  // Evidence of rectification: scans, photos, receipts, documents of any kind.
  evidence: [{ name: zh('shell.filter.evidence'), extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'doc', 'docx', 'xls', 'xlsx', 'ofd'] }, { name: zh('shell.filter.all'), extensions: ['*'] }],
  workspace: [{ name: zh('shell.filter.workspace'), extensions: ['sqlite'] }],
};

const TITLES = { ledger: zh('shell.dialog.ledger'), projects: zh('shell.dialog.projects'), cadres: zh('shell.dialog.cadres'), evidence: zh('shell.dialog.evidence') };

export function shellHandlers(dialog: Dialog, window: () => BrowserWindow | null, recent: RecentWorkspaces): ShellHandlers {
  const win = (): BrowserWindow => window() as BrowserWindow;
  return {
    async chooseFiles(args) {
      const r = await dialog.showOpenDialog(win(), {
        title: TITLES[args.kind],
        properties: args.multiple === false ? ['openFile'] : ['openFile', 'multiSelections'],
        filters: FILTERS[args.kind],
      });
      return r.canceled ? [] : r.filePaths;
    },
    async chooseDirectory(args) {
      const r = await dialog.showOpenDialog(win(), { title: args.title ?? zh('shell.dialog.export-dir'), properties: ['openDirectory', 'createDirectory'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseWorkspace(args) {
      if (args.create) {
        const r = await dialog.showSaveDialog(win(), { title: zh('shell.dialog.new-workspace'), defaultPath: zh('shell.dialog.workspace-file'), filters: FILTERS.workspace });
        return r.canceled ? null : (r.filePath ?? null);
      }
      const r = await dialog.showOpenDialog(win(), { title: zh('shell.dialog.open-workspace'), properties: ['openFile'], filters: FILTERS.workspace });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSaveFile(args) {
      const ext = extname(args.defaultName).slice(1).toLowerCase();
      const r = await dialog.showSaveDialog(win(), {
        title: args.title ?? zh('shell.dialog.save'),
        defaultPath: args.defaultName,
        filters: ext ? [{ name: zh('shell.filter.extension', { ext: ext.toUpperCase() }), extensions: [ext] }] : [],
      });
      return r.canceled ? null : (r.filePath ?? null);
    },
    async recentWorkspaces() {
      return recent.list();
    },
  };
}
