// The materials checklist, with the 个人承诺书 standing in where the profile allows it.
import type { MaterialItem } from '../../filing-types/materials';
import type { FilingDraft } from '../draft';
import type { Findings } from '../findings';
import type { PolicyProfile, TypePolicy } from '../types';

export function checkMaterials(
  findings: Findings,
  profile: PolicyProfile,
  policy: TypePolicy,
  draft: FilingDraft,
  typeLabel: string,
): void {
  const provided = new Set(draft.materials ?? []);
  const commitmentSigned = provided.has('personal_commitment');
  const retroactiveBars = draft.retroactive === true && !profile.retroactive.commitmentAllowed;
  const commitmentOpen = policy.commitment.allowed && !retroactiveBars;

  if (commitmentSigned && !policy.commitment.allowed) {
    findings.error('refused', 'materials.personal_commitment', `“${typeLabel}”备案不接受个人承诺书，请提供认定材料`, policy.commitment.source);
  } else if (commitmentSigned && retroactiveBars) {
    findings.error('refused', 'materials.personal_commitment', '自费结算后补办备案不实行承诺制，请提供认定材料，不能以个人承诺书代替', profile.retroactive.source);
  } else if (commitmentSigned && policy.commitment.followUp) {
    findings.warn('materials.personal_commitment', policy.commitment.followUp, policy.commitment.source);
  }

  const missing = (item: MaterialItem) => !provided.has(item.id) && !(item.commitmentReplaces && commitmentSigned && commitmentOpen);
  for (const item of policy.materials.items.filter(missing)) {
    const orCommitment = item.commitmentReplaces && commitmentOpen ? '（或签署个人承诺书）' : '';
    findings.error('missing', `materials.${item.id}`, `请提供${item.label}${orCommitment}`, policy.materials.source);
  }
}
