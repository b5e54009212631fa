// What the shell answers itself: native dialogs (mocked) and the persisted recent list.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../test/helpers';
import { RecentWorkspaces, shellHandlers, shellLanguage } from './shell';

vi.mock('electron', () => ({}));

type Handlers = Record<string, (args?: unknown) => Promise<unknown>>;

function fakeDialog(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string }) {
  return { showOpenDialog: vi.fn(async (_w: unknown, _o: unknown) => open), showSaveDialog: vi.fn(async (_w: unknown, _o: unknown) => save) };
}

describe('shell handlers', () => {
  it('keeps the ten most recent existing workspaces, newest first, across restarts', () => {
    const dir = tempDir();
    const file = join(dir, 'userData', 'recent-workspaces.json');
    const paths = Array.from({ length: 12 }, (_, i) => join(dir, `ws${i}.sqlite`));
    for (const p of paths) writeFileSync(p, '');
    const recent = new RecentWorkspaces(file);
    for (const p of paths) recent.add(p);
    recent.add(paths[3]!);
    const again = new RecentWorkspaces(file).list();
    expect(again[0]).toBe(paths[3]);
    expect(again).toHaveLength(10);
    expect(new Set(again).size).toBe(10);
    writeFileSync(file, '{not json');
    expect(new RecentWorkspaces(file).list()).toEqual([]);
  });

  it('drops workspaces that no longer exist', () => {
    const dir = tempDir();
    const recent = new RecentWorkspaces(join(dir, 'recent.json'));
    recent.add(join(dir, 'gone.sqlite'));
    expect(recent.list()).toEqual([]);
  });

  it('answers dialogs with paths, and null or [] when cancelled', async () => {
    const recent = new RecentWorkspaces(join(tempDir(), 'r.json'));
    const picked = fakeDialog({ canceled: false, filePaths: ['/d/a.csv', '/d/b.csv'] }, { canceled: false, filePath: '/d/整改台账.xlsx' });
    const h = shellHandlers(picked as never, () => null, recent) as unknown as Handlers;
    expect(await h.chooseFiles!({ kind: 'ledger' })).toEqual(['/d/a.csv', '/d/b.csv']);
    expect(picked.showOpenDialog.mock.calls[0]![1]).toMatchObject({ properties: ['openFile', 'multiSelections'], title: '选择账簿文件' });
    expect(await h.chooseSaveFile!({ defaultName: '整改台账.xlsx' })).toBe('/d/整改台账.xlsx');
    expect(picked.showSaveDialog.mock.calls[0]![1]).toMatchObject({ defaultPath: '整改台账.xlsx', filters: [{ extensions: ['xlsx'] }] });
    expect(await h.chooseWorkspace!({ create: true })).toBe('/d/整改台账.xlsx');

    const cancelled = fakeDialog({ canceled: true, filePaths: [] }, { canceled: true });
    const c = shellHandlers(cancelled as never, () => null, recent) as unknown as Handlers;
    expect(await c.chooseFiles!({ kind: 'projects', multiple: false })).toEqual([]);
    expect(await c.chooseDirectory!({})).toBeNull();
    expect(await c.chooseWorkspace!({ create: false })).toBeNull();
    expect(await c.chooseSaveFile!({ defaultName: 'x.csv' })).toBeNull();
  });

  it('titles its dialogs in the language the renderer reports, and tells main when it changes', async () => {
    const recent = new RecentWorkspaces(join(tempDir(), 'r.json'));
    const dialog = fakeDialog({ canceled: true, filePaths: [] }, { canceled: true });
    const changes: string[] = [];
    const language = shellLanguage((l) => changes.push(l));
    const h = shellHandlers(dialog as never, () => null, recent, language) as unknown as Handlers;
    await h.chooseFiles!({ kind: 'ledger' });
    await h.setLanguage!({ lang: 'en' });
    await h.setLanguage!({ lang: 'en' });
    await h.chooseFiles!({ kind: 'ledger' });
    await h.chooseSaveFile!({ defaultName: 'findings.xlsx' });
    const titles = dialog.showOpenDialog.mock.calls.map((c) => (c[1] as { title: string; filters: { name: string }[] }));
    expect(titles.map((o) => o.title)).toEqual(['选择账簿文件', 'Choose ledger files']);
    expect(titles[1]!.filters[0]!.name).toBe('Ledger exports (CSV, Excel)');
    expect(dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({ title: 'Save the export', filters: [{ name: 'XLSX files' }] });
    expect(changes).toEqual(['en']);
    expect(language.get()).toBe('en');
  });
});
