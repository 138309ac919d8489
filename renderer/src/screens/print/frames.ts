// Browser-side helpers of the print screen: is a preview frame showing the document we mean to
// print, and saving the PDF the Electron desk exported.
import type { PrintTemplateId } from '../../../../shared/domain/print/templates';

/**
 * True once the preview frame has loaded the document for `template` (its srcdoc is replaced when
 * the template changes; printing before it has loaded would print the previous one or a blank page).
 */
export function previewShows(frame: HTMLIFrameElement | null, template: PrintTemplateId): boolean {
  const doc = frame?.contentDocument;
  return doc?.readyState === 'complete' && doc.querySelector(`.yb-print[data-template="${template}"]`) !== null;
}

/** True once the slip frame has loaded its document. */
export function slipShows(frame: HTMLIFrameElement | null): boolean {
  const doc = frame?.contentDocument;
  return doc?.readyState === 'complete' && doc.querySelector('.slip') !== null;
}

/** Saves a PDF (base64 from print.a4) through a download link of a Blob made here. */
export function downloadPdf(base64: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob by now.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name for the exported form: 备案表-<serial or local number>.pdf, without path characters. */
export function pdfFileName(serial: string): string {
  return `备案表-${serial.replace(/[\\/:*?"<>|\s]+/g, '_')}.pdf`;
}
