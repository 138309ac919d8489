// In-app print preview: the exact document renderPrintDocument produces, in an isolated iframe
// (its @page and body rules cannot leak into the app). Browser mode prints it with the browser's
// own dialog — which also offers 另存为 PDF — through printPreviewFrame.
import { useMemo, type Ref } from 'react';
import type { PrintFormDto } from '../../../shared/domain/print/form';
import type { PrintTemplateId } from '../../../shared/domain/print/templates';
import { renderPrintDocument } from './renderDocument';

export interface PrintPreviewProps {
  dto: PrintFormDto;
  template: PrintTemplateId;
  qrDataUrl: string;
  training: boolean;
  frameRef?: Ref<HTMLIFrameElement>;
  height?: number | string;
}

/**
 * The sandbox allows no scripts (the document has none); same-origin lets the app call print() on
 * the frame, and allow-modals lets that print dialog open.
 */
export function PrintPreview({ dto, template, qrDataUrl, training, frameRef, height = '80vh' }: PrintPreviewProps) {
  const html = useMemo(() => renderPrintDocument(dto, template, { qrDataUrl, training }), [dto, template, qrDataUrl, training]);
  return (
    <iframe
      ref={frameRef}
      title="备案表打印预览"
      srcDoc={html}
      sandbox="allow-same-origin allow-modals"
      style={{ width: '100%', height, border: '1px solid #d9d9d9', background: '#fff' }}
      data-testid="print-preview"
    />
  );
}

/** Opens the browser's print dialog for a preview frame (browser mode's print and PDF export). */
export function printPreviewFrame(frame: HTMLIFrameElement | null): boolean {
  const win = frame?.contentWindow;
  if (!win) return false;
  win.focus();
  win.print();
  return true;
}
