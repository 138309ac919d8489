// Excel workbooks for exports (exceljs): Chinese headers, frozen header row, sensible widths.
import type * as ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: it adds about 15 MB to the process (measured after a GC), and only
 * Excel exports and the cut-over import need it (docs/performance.md "Filings at scale", round 3).
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  const module = await import('exceljs');
  return (module as { default?: typeof ExcelJS }).default ?? module;
}

export interface SheetSpec {
  name: string;
  /** Header text (Chinese) and column width in characters. */
  columns: readonly { header: string; width?: number }[];
  rows: readonly (readonly (string | number | null)[])[];
}

export async function workbookBase64(sheets: readonly SheetSpec[]): Promise<string> {
  const { Workbook } = await loadExcel();
  const book = new Workbook();
  book.creator = '医保异地备案工作台';
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow([...row]);
  }
  const buffer = await book.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}
