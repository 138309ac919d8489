// Duplicate filings: a person may hold one active filing per class (long-term / temporary) for
// any day. Duplicates are a known pain (policy-rules.md §6 item 4: local and platform state drift,
// refilings; some regions require cancelling the old filing first).
import { FILING_TYPE_LABELS, type FilingStatus, type FilingType } from '../filing';
import { FILING_CLASS_LABELS, FILING_CLASS_OF } from '../filing-types/classes';
import type { Issue } from './draft';
import { ref } from './sources';

export interface ExistingFiling {
  id: string;
  localNo: string;
  type: FilingType;
  certNo: string;
  startDate: string;
  /** null: open-ended, or left empty until discharge */
  endDate: string | null;
  status: FilingStatus;
}

export interface OverlapCandidate {
  /** set when editing, so the filing does not collide with itself */
  id?: string;
  type: FilingType;
  certNo: string;
  startDate: string;
  /** the draft's end date, or the default evaluateFiling computed; null/undefined = open */
  endDate?: string | null;
}

const SOURCE = ref('§6', '4. 重复备案；部分地区要求先撤销原备案再新备案');
const OPEN_END = '9999-12-31';

function normalise(certNo: string): string {
  return certNo.trim().toUpperCase();
}

export function checkOverlap(existing: readonly ExistingFiling[], draft: OverlapCandidate): Issue[] {
  const filingClass = FILING_CLASS_OF[draft.type];
  const draftEnd = draft.endDate ?? OPEN_END;
  return existing
    .filter(
      (f) =>
        f.status === 'active' &&
        f.id !== draft.id &&
        normalise(f.certNo) === normalise(draft.certNo) &&
        FILING_CLASS_OF[f.type] === filingClass &&
        f.startDate <= draftEnd &&
        draft.startDate <= (f.endDate ?? OPEN_END),
    )
    .map((f) => ({
      field: 'startDate',
      message:
        `该参保人已有有效的${FILING_CLASS_LABELS[filingClass]}备案（本地编号 ${f.localNo}，${FILING_TYPE_LABELS[f.type]}，` +
        `${f.startDate} 至 ${f.endDate ?? '未设终止日期'}），与本次备案日期重叠；请先作废或变更原备案，不要重复备案`,
      source: SOURCE,
    }));
}
