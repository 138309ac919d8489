// Filing after a self-paid settlement (自费结算后补办): which types may, and what it means for pay.
import type { FilingType } from '../../filing';
import type { FilingDraft } from '../draft';
import type { Findings } from '../findings';
import type { PolicyProfile } from '../types';
import { typeLabel } from './type';

export function checkRetroactive(findings: Findings, profile: PolicyProfile, type: FilingType, draft: FilingDraft): void {
  if (draft.retroactive !== true) return;
  const rule = profile.retroactive;
  if (!rule.types.includes(type)) {
    const allowed = rule.types.map((t) => `“${typeLabel(profile, t)}”`).join('、');
    findings.error('refused', 'retroactive', `自费结算后补办备案只可补办${allowed}，不能补办“${typeLabel(profile, type)}”`, rule.source);
    return;
  }
  findings.warn('retroactive', rule.advisory, rule.source);
  const penalty = profile.unfiledClaim;
  if (penalty && !penalty.exceptTypes.includes(type)) findings.warn('retroactive', penalty.text, penalty.source);
}
