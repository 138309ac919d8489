// Whether a saved filing may be edited or voided now. National: an insured region may lock change
// and cancel for up to 6 months (policy-rules.md §2.2, [UNVERIFIED]); Ganzhou: one year
// (003_f7ec7151fcfbcf96.txt 一(四)); Hefei: edit and void at any time (000 附件1 6). A lock may be
// lifted for an objective reason, confirmed by a second person.
import { z } from 'zod';
import { FILING_TYPE_LABELS, type FilingStatus, type FilingType } from '../filing';
import { requiredText } from '../fields';
import type { Issue } from './draft';
import { addMonths } from './period';
import type { PolicyProfile } from './types';

export interface ChangeTarget {
  type: FilingType;
  startDate: string;
  status: FilingStatus;
  localNo?: string;
}

export type ChangeAction = 'edit' | 'void';

export type ChangeCheck =
  | { allowed: true; source: string }
  | { allowed: false; reason: 'voided'; message: string; source: string }
  | {
      allowed: false;
      reason: 'locked';
      /** first day the change is allowed without an override */
      lockedUntil: string;
      message: string;
      source: string;
      override: { requiresReason: true; requiresReviewer: true; source: string };
    };

const ACTION_LABELS: Record<ChangeAction, string> = { edit: '变更', void: '作废' };

export function checkChangeAllowed(
  filing: ChangeTarget,
  { profile, today, action }: { profile: PolicyProfile; today: string; action: ChangeAction },
): ChangeCheck {
  if (filing.status === 'voided') {
    return { allowed: false, reason: 'voided', message: '该备案已作废，不能再变更或作废', source: '000_bc84ff0b7039e793.txt 附件1 6' };
  }
  const policy = profile.types[filing.type];
  if (!policy) {
    // A filing saved under another profile: this profile has no lock for the type.
    return { allowed: true, source: `${profile.name}未设“${FILING_TYPE_LABELS[filing.type]}”的变更限制` };
  }
  const lock = policy.changeLock;
  if (lock.months === null) return { allowed: true, source: lock.source };
  const lockedUntil = addMonths(filing.startDate, lock.months);
  if (today >= lockedUntil) return { allowed: true, source: lock.source };
  const label = policy.label ?? FILING_TYPE_LABELS[filing.type];
  const which = filing.localNo ? `（本地编号 ${filing.localNo}）` : '';
  return {
    allowed: false,
    reason: 'locked',
    lockedUntil,
    message:
      `“${label}”备案${which}自${filing.startDate}起${lock.months}个月内原则上不得变更或取消，` +
      `${lockedUntil}起可${ACTION_LABELS[action]}；确因客观原因需提前${ACTION_LABELS[action]}的，请填写理由并由复核人确认`,
    source: lock.source,
    override: { requiresReason: true, requiresReviewer: true, source: profile.changeOverride.source },
  };
}

export const changeOverrideSchema = z.object({
  reason: requiredText('提前变更（作废）理由', 200).min(4, '提前变更（作废）理由请写明客观原因（至少4个字）'),
  reviewer: requiredText('复核人', 50),
});
export type ChangeOverride = z.infer<typeof changeOverrideSchema>;

/** Checks an override against a lock: a reason, and a reviewer who is not the operator. */
export function checkChangeOverride(override: unknown, { operator, source }: { operator: string; source: string }): Issue[] {
  const parsed = changeOverrideSchema.safeParse(override);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message, source }));
  }
  if (parsed.data.reviewer === operator.trim()) {
    return [{ field: 'reviewer', message: '复核人不能是经办人本人，请由另一位工作人员复核', source }];
  }
  return [];
}
