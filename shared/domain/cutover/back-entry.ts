// Back-entry (补录) of filings issued on paper while the platform was down (seed 001 二(二)4: during the
// downtime the hospital issues the 转院转诊登记表 on paper; it is uploaded once the new platform works).
// The paper's number and date are kept; uploads go in the order the papers were issued.
import { z } from 'zod';
import { filingRequest } from '../filing-request';
import { isoDate, requiredText } from '../fields';

export const MAX_PAPER_NO = 40;

export const backEntryRequest = z.object({
  filing: filingRequest,
  /** The number printed or written on the paper form. */
  paperNo: requiredText('纸质备案表编号', MAX_PAPER_NO).refine((v) => /^[0-9A-Za-z\-_/（）()\u4e00-\u9fa5]+$/.test(v), '纸质备案表编号只能含字母、数字、汉字和 - _ /，请核对'),
  /** The day the paper filing was issued (the desk's business date, CST). */
  originalDate: isoDate('原备案日期'),
});
export type BackEntryRequest = z.output<typeof backEntryRequest>;

export interface BackEntryKey {
  originalDate: string;
  paperNo: string;
}

/** Upload order of back-entries: the day the paper was issued, then its number (natural order: 2 before 10). */
export function compareBackEntries(a: BackEntryKey, b: BackEntryKey): number {
  if (a.originalDate !== b.originalDate) return a.originalDate < b.originalDate ? -1 : 1;
  return a.paperNo.localeCompare(b.paperNo, 'zh-CN', { numeric: true });
}
