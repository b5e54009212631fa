// What the shell answers itself: native dialogs and the list of recent workspaces.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
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

const FILTERS = {
  ledger: [{ name: '账簿导出文件 (CSV, Excel)', extensions: ['csv', 'txt', 'xlsx'] }],
  projects: [{ name: '项目文件 (CSV, Excel)', extensions: ['csv', 'txt', 'xlsx'] }],
  cadres: [{ name: '村干部名册 (CSV, Excel)', extensions: ['csv', 'txt', 'xlsx'] }],
  // Evidence of rectification: scans, photos, receipts, documents of any kind.
  evidence: [{ name: '整改证据 (PDF, 图片, 文档)', extensions: ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'doc', 'docx', 'xls', 'xlsx', 'ofd'] }, { name: '所有文件', extensions: ['*'] }],
  workspace: [{ name: '审计工作区', extensions: ['sqlite'] }],
};

const TITLES = { ledger: '选择账簿文件', projects: '选择项目文件', cadres: '选择村干部名册', evidence: '选择整改证据文件' };

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
      const r = await dialog.showOpenDialog(win(), { title: args.title ?? '选择导出目录', properties: ['openDirectory', 'createDirectory'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseWorkspace(args) {
      if (args.create) {
        const r = await dialog.showSaveDialog(win(), { title: '新建审计工作区', defaultPath: '审计工作区.sqlite', filters: FILTERS.workspace });
        return r.canceled ? null : (r.filePath ?? null);
      }
      const r = await dialog.showOpenDialog(win(), { title: '打开审计工作区', properties: ['openFile'], filters: FILTERS.workspace });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSaveFile(args) {
      const ext = extname(args.defaultName).slice(1).toLowerCase();
      const r = await dialog.showSaveDialog(win(), {
        title: args.title ?? '保存导出文件',
        defaultPath: args.defaultName,
        filters: ext ? [{ name: `${ext.toUpperCase()} 文件`, extensions: [ext] }] : [],
      });
      return r.canceled ? null : (r.filePath ?? null);
    },
    async recentWorkspaces() {
      return recent.list();
    },
  };
}
