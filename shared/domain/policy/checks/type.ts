// Whether the profile offers the chosen type, and to this insurance type.
import { FILING_TYPE_LABELS, FILING_TYPES, type FilingType } from '../../filing';
import { INSURANCE_TYPE_LABELS, type InsuranceType } from '../../insurance';
import type { Findings } from '../findings';
import type { PolicyProfile, TypePolicy } from '../types';

export function typeLabel(profile: PolicyProfile, type: FilingType): string {
  return profile.types[type]?.label ?? FILING_TYPE_LABELS[type];
}

function offered(profile: PolicyProfile, insuranceType?: InsuranceType): FilingType[] {
  return FILING_TYPES.filter((t) => {
    const policy = profile.types[t];
    return policy !== undefined && !(insuranceType && policy.notForInsurance?.insuranceTypes.includes(insuranceType));
  });
}

export function checkType(
  findings: Findings,
  profile: PolicyProfile,
  rawType: string | undefined,
  insuranceType: InsuranceType | undefined,
): { type: FilingType; policy: TypePolicy } | null {
  if (rawType === undefined || rawType.trim() === '') {
    findings.error('missing', 'type', '请选择备案类型', profile.source);
    return null;
  }
  if (!(FILING_TYPES as readonly string[]).includes(rawType)) {
    findings.error('invalid', 'type', '备案类型不存在，请从列表中选择', profile.source);
    return null;
  }
  const type = rawType as FilingType;
  const policy = profile.types[type];
  const choices = offered(profile).map((t) => typeLabel(profile, t)).join('、');
  if (!policy) {
    const hint = profile.typeNotOffered[type];
    findings.error(
      'refused',
      'type',
      `${profile.name}不办理“${FILING_TYPE_LABELS[type]}”备案${hint ? `：${hint.text}` : `，可选：${choices}`}`,
      hint?.source ?? profile.source,
    );
    return null;
  }
  if (insuranceType && policy.notForInsurance?.insuranceTypes.includes(insuranceType)) {
    const allowed = offered(profile, insuranceType).map((t) => typeLabel(profile, t)).join('、');
    findings.error(
      'refused',
      'type',
      `${INSURANCE_TYPE_LABELS[insuranceType]}参保人不能办理“${typeLabel(profile, type)}”备案，可办理：${allowed}`,
      policy.notForInsurance.source,
    );
  }
  return { type, policy };
}
