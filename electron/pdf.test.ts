// The handoff PDF printed in a hidden, script-less window that is always destroyed.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { PDF_OPTIONS, PDF_WINDOW_OPTIONS, printHtmlToPdf } from './pdf';

vi.mock('electron', () => ({}));

function fakeWindow(print: () => Promise<Buffer>) {
  const loaded: string[] = [];
  const win = {
    loadFile: vi.fn(async (f: string) => { loaded.push(readFileSync(f, 'utf8')); }),
    webContents: { printToPDF: vi.fn(print) },
    destroy: vi.fn(),
  };
  return { win, loaded };
}

describe('printHtmlToPdf', () => {
  it('prints A4 from a hidden window without script or Node', async () => {
    const { win, loaded } = fakeWindow(async () => Buffer.from('%PDF'));
    const create = vi.fn(() => win as never);
    expect((await printHtmlToPdf(create, '<p>移交清单</p>')).toString()).toBe('%PDF');
    expect(create).toHaveBeenCalledWith(PDF_WINDOW_OPTIONS);
    expect(PDF_WINDOW_OPTIONS).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, nodeIntegration: false, contextIsolation: true } });
    expect(loaded).toEqual(['<p>移交清单</p>']);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS.pageSize).toBe('A4');
    expect(win.destroy).toHaveBeenCalled();
    expect(existsSync(win.loadFile.mock.calls[0]![0])).toBe(false);
  });

  it('destroys the window when printing fails', async () => {
    const { win } = fakeWindow(async () => { throw new Error('no printer'); });
    await expect(printHtmlToPdf(() => win as never, '<p/>')).rejects.toThrow('no printer');
    expect(win.destroy).toHaveBeenCalled();
  });
});
