// The print module of the renderer: A4 备案表 templates, the document renderer, and the previews.
export { PrintForm, TEMPLATE_COMPONENTS, type PrintFormProps } from './PrintForm';
export { NationalForm } from './NationalForm';
export { HefeiForm } from './HefeiForm';
export { JiangxiForm } from './JiangxiForm';
export { renderPrintDocument, type PrintDocumentOptions } from './renderDocument';
export { PrintPreview, printPreviewFrame, type PrintPreviewProps } from './PrintPreview';
export { SlipPreview, type SlipPreviewProps } from './SlipPreview';
export { PRINT_STYLESHEET, PAGE_MARGIN_MM } from './printStyles';
