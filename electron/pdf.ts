// The handoff sheet printed by Electron itself (printToPDF), so the packaged app needs no
// Chromium of its own: a hidden, sandboxed window with JavaScript off renders the HTML from a
// temporary file, and is always destroyed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { PAGE_COUNTERS, PDF_MARGINS_MM, PDF_PAGE_SIZE, pdfFooter } from '../shared/format/print-layout';
import { t } from '../shared/i18n/messages';

const mmToInch = (mm: number): number => mm / 25.4;

export const PDF_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: { javascript: false, sandbox: true, nodeIntegration: false, contextIsolation: true },
};

/** The same page as the CLI's Chromium print: A4, margins, page numbers in the footer. */
export const PDF_OPTIONS = {
  pageSize: PDF_PAGE_SIZE,
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate: pdfFooter(t('zh', 'handoff.pdf.page-of', PAGE_COUNTERS)),
  margins: {
    top: mmToInch(PDF_MARGINS_MM.top), bottom: mmToInch(PDF_MARGINS_MM.bottom),
    left: mmToInch(PDF_MARGINS_MM.left), right: mmToInch(PDF_MARGINS_MM.right),
  },
};

export async function printHtmlToPdf(createWindow: (o: BrowserWindowConstructorOptions) => BrowserWindow, html: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'village-audit-pdf-'));
  const file = join(dir, 'handoff.html');
  writeFileSync(file, html);
  const win = createWindow(PDF_WINDOW_OPTIONS);
  try {
    await win.loadFile(file);
    return Buffer.from(await win.webContents.printToPDF(PDF_OPTIONS));
  } finally {
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
