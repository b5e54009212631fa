// The 移交清单 printed to PDF by Chromium, for the CLI and the tests (the app prints the same
// HTML with Electron's printToPDF, electron/pdf.ts): the same page, margins and footer.
import { execFileSync } from 'node:child_process';
import { PAGE_COUNTERS, PDF_MARGINS_MM, PDF_PAGE_SIZE, pdfFooter } from '../format/print-layout';
import { zh } from '../i18n/messages';

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: PDF_PAGE_SIZE, printBackground: true, displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: pdfFooter(zh('handoff.pdf.page-of', PAGE_COUNTERS)),
      margin: { top: `${PDF_MARGINS_MM.top}mm`, bottom: `${PDF_MARGINS_MM.bottom}mm`, left: `${PDF_MARGINS_MM.left}mm`, right: `${PDF_MARGINS_MM.right}mm` },
    });
  } finally {
    await browser.close();
  }
}
