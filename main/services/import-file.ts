// Reading an old system's export file into rows of text: CSV in GB18030/GBK or UTF-8 (the old Hefei
// systems export GBK; newer tools UTF-8 with or without a BOM) and XLSX (the first worksheet).
import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import type * as ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { DeskError } from '../app/errors';
import { loadExcel } from './xlsx';

export interface ImportTable {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  /** rows[0] is the header row; rows[i] is spreadsheet row i + 1. */
  rows: string[][];
}

const CHINESE_ENCODINGS = new Set(['GB18030', 'GBK', 'GB2312', 'BIG5']);

/** UTF-8 when the bytes are valid UTF-8 (a BOM or not), else what chardet names, else GB18030. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: a Chinese legacy encoding. GB18030 is a superset of GBK and GB2312.
  }
  const detected = (chardet.detect(bytes) ?? '').toUpperCase();
  const encoding = detected === 'BIG5' ? 'Big5' : CHINESE_ENCODINGS.has(detected) ? 'GB18030' : 'GB18030';
  return { text: iconv.decode(bytes, encoding), encoding: encoding === 'GB18030' ? 'GB18030（GBK）' : encoding };
}

function readCsv(bytes: Buffer): ImportTable {
  const { text, encoding } = decodeCsv(bytes);
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DeskError('INVALID_REQUEST', `CSV 文件格式有误${line ? `（约第${line}行）` : ''}：引号或分隔符不匹配，请在原系统中重新导出，或用 Excel 打开后另存为 xlsx`, {
      fileName: 'CSV 文件格式有误',
    });
  }
  return { format: 'csv', encoding, rows };
}

/** A cell as the operator sees it: dates as YYYY-MM-DD (Excel stores the calendar day at UTC midnight). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const y = value.getUTCFullYear();
    const m = String(value.getUTCMonth() + 1).padStart(2, '0');
    const d = String(value.getUTCDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<ImportTable> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DeskError('INVALID_REQUEST', '无法读取该 Excel 文件：文件可能已损坏或不是 xlsx 格式（旧版 xls 请先另存为 xlsx）', { fileName: '无法读取该 Excel 文件' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DeskError('INVALID_REQUEST', 'Excel 文件中没有工作表，请检查导出文件', { fileName: 'Excel 文件中没有工作表' });
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c += 1) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return { format: 'xlsx', encoding: null, rows };
}

export async function readImportFile(fileName: string, contentBase64: string): Promise<ImportTable> {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new DeskError('INVALID_REQUEST', '文件是空的，请重新导出', { fileName: '文件是空的' });
  const isXlsx = /\.xlsx$/i.test(fileName);
  const zipped = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isXlsx !== zipped) {
    throw new DeskError('INVALID_REQUEST', isXlsx ? '文件扩展名是 xlsx，但内容不是 Excel 文件，请重新导出' : '文件扩展名是 csv，但内容像是 Excel 文件：请把扩展名改为 .xlsx 或另存为 CSV', {
      fileName: '文件内容与扩展名不符',
    });
  }
  const table = isXlsx ? await readXlsx(bytes) : readCsv(bytes);
  const header = table.rows[0];
  if (!header || header.every((h) => h.trim() === '')) {
    throw new DeskError('INVALID_REQUEST', '文件第1行应为列标题（如 姓名、身份证号、备案日期），请检查导出文件', { fileName: '缺少列标题' });
  }
  table.rows[0] = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  return table;
}
