// The type's own fields (its zod schema), the fields the profile adds, and the destination
// region against the profile's province-level list.
import type { z } from 'zod';
import type { FilingType } from '../../filing';
import { DESTINATION_LABELS, REFERRAL_LIKE } from '../../filing-types/classes';
import { DETAILS_SOURCES, FILING_DETAILS_SCHEMAS } from '../../filing-types';
import { checkDestination } from '../destinations';
import type { FilingDraft } from '../draft';
import { dropBlanks, type Findings, isBlank, parseShape } from '../findings';
import { both, ref } from '../sources';
import type { PolicyProfile, TypePolicy } from '../types';

export function checkDetails(
  findings: Findings,
  profile: PolicyProfile,
  type: FilingType,
  policy: TypePolicy,
  draft: FilingDraft,
): Record<string, unknown> {
  const input = dropBlanks(draft.details);
  const schema = FILING_DETAILS_SCHEMAS[type] as z.ZodObject<Record<string, z.ZodType>>;
  const valid = parseShape(findings, schema.shape, input, 'details', DETAILS_SOURCES[type]);

  for (const required of policy.requiredFields) {
    if (isBlank(input[required.field])) findings.error('missing', `details.${required.field}`, required.missing, required.source);
  }

  const region = valid.destinationRegion;
  if (typeof region === 'string') {
    const check = checkDestination(profile, region, DESTINATION_LABELS[type]);
    if (!check.ok) findings.error('invalid', 'details.destinationRegion', check.message, profile.provinceLevelDestinations.source);
  }

  const institutionRequired = policy.requiredFields.some((f) => f.field === 'destinationInstitution');
  if (REFERRAL_LIKE.includes(type) && !institutionRequired && isBlank(input.destinationInstitution)) {
    findings.warn(
      'details.destinationInstitution',
      '未选择转往定点医疗机构：上传国家平台转院备案（2501）需要转往定点医疗机构编码和名称，请在上传前补充',
      both(ref('§3.3', '2501 reflin_medins_no 必填'), ref('§7', '合肥必填项不含转往医院')),
    );
  }
  return valid;
}
