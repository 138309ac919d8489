// renderPrintDocument: the 备案表 as one complete HTML document (markup + the print stylesheet
// inline, no external resources). The in-app preview shows it in an iframe, browser mode prints it
// with the browser's dialog, Electron loads it into a hidden sandboxed window for
// webContents.print / printToPDF, and the tests print it with Chromium's page.pdf.
import { renderToStaticMarkup } from 'react-dom/server';
import type { PrintFormDto } from '../../../shared/domain/print/form';
import { escapeHtml } from '../../../shared/domain/print/escape';
import { assertQrDataUrl } from '../../../shared/domain/print/slip';
import { PRINT_TEMPLATES, type PrintTemplateId } from '../../../shared/domain/print/templates';
import { PrintForm } from './PrintForm';
import { PRINT_STYLESHEET } from './printStyles';

export interface PrintDocumentOptions {
  qrDataUrl: string;
  training: boolean;
}

export function renderPrintDocument(dto: PrintFormDto, template: PrintTemplateId, options: PrintDocumentOptions): string {
  assertQrDataUrl(options.qrDataUrl);
  const body = renderToStaticMarkup(
    <PrintForm dto={dto} template={template} qrDataUrl={options.qrDataUrl} training={options.training} />,
  );
  const title = `${PRINT_TEMPLATES[template].title} ${dto.serial.value}`;
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)}</title><style>${PRINT_STYLESHEET}</style></head><body>${body}</body></html>`
  );
}
