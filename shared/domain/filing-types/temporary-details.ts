// Details of the non-referral temporary types (policy-rules.md §2.1).
import { z } from 'zod';
import { choice, isoDate, optionalText, phoneNumber, regionCode, requiredText } from '../fields';
import { DESTINATION_LABELS } from './classes';
import { institution, platformPersonFields } from './field-helpers';

export const EMERGENCY_CARE_SETTINGS = ['inpatient', 'outpatient'] as const;
export type EmergencyCareSetting = (typeof EMERGENCY_CARE_SETTINGS)[number];
export const EMERGENCY_CARE_SETTING_LABELS: Record<EmergencyCareSetting, string> = {
  inpatient: '急诊住院',
  outpatient: '门急诊',
};

/**
 * 异地急诊抢救: the Jiangxi form asks for 病情摘要 and, when admitted before filing, the
 * admission date (003_f7ec7151fcfbcf96.txt 附件1); Jining's deadline runs from admission
 * (004_b89a9dffbb20a241.txt).
 */
export const emergencyDetails = z.object({
  destinationRegion: regionCode(DESTINATION_LABELS.emergency),
  admissionDate: isoDate('入院（就诊）日期'),
  caseSummary: requiredText('病情摘要', 2000),
  phone: phoneNumber,
  careSetting: choice('急诊就医方式', EMERGENCY_CARE_SETTINGS).optional(),
  diagnosisName: optionalText('初步诊断', 100),
  treatingInstitution: institution('急诊就医医疗机构', { platformCode: false }).optional(),
  ...platformPersonFields,
});
export type EmergencyDetails = z.infer<typeof emergencyDetails>;

/** 其他临时外出就医: destination and reason; no medical proof (policy-rules.md §2.2). */
export const temporaryOtherDetails = z.object({
  destinationRegion: regionCode(DESTINATION_LABELS.temporary_other),
  reason: requiredText('外出就医原因', 100),
  phone: phoneNumber,
  ...platformPersonFields,
});
export type TemporaryOtherDetails = z.infer<typeof temporaryOtherDetails>;
