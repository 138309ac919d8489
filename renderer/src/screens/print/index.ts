// The print screen: the preview dialog opened from the filing list and after a save.
export { PrintDialog, type PrintDialogProps } from './PrintDialog';
export { RowPrintButton, PrinterGlyph } from './RowPrintButton';
