// The handoff sheet's page, the same whoever prints it: Chromium for the CLI and the tests
// (shared/leads/handoff-pdf.ts), Electron's printToPDF in the app (electron/pdf.ts). Pure data,
// so the shell can take it without the engine.
export const PDF_PAGE_SIZE = 'A4' as const;
export const PDF_MARGINS_MM = { top: 18, bottom: 20, left: 14, right: 14 } as const;

/** Chromium's page counters, filled in when it prints the footer. */
export const PAGE_COUNTERS = { page: '<span class="pageNumber"></span>', pages: '<span class="totalPages"></span>' } as const;

/** The footer template around a page label (the catalogue's 'handoff.pdf.page-of' with PAGE_COUNTERS). */
export function pdfFooter(pageLabel: string): string {
  return `<div style="font-size:9px;width:100%;text-align:center;">${pageLabel}</div>`;
}

/** The margins as CSS, for the sheet's own @page rule. */
export function cssMargins(m: typeof PDF_MARGINS_MM = PDF_MARGINS_MM): string {
  return `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`;
}

/** Text as HTML (the printed sheets are built as strings). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The printed sheets' fonts: the CJK faces Debian, Windows and macOS have. */
export const PRINT_FONTS = "'Noto Sans CJK SC', 'Noto Serif CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'SimSun', sans-serif";
