// Drafts and helpers shared by the policy tests. Person numbers are valid GB 11643 numbers made up
// for tests; phone numbers are placeholders (never the numbers printed in the seeds).
import { createWorkdayCalendar } from '../../shared/domain/calendar';
import { idCardCheckChar } from '../../shared/domain/idcard';
import { evaluateFiling, POLICY_PROFILES, type FilingDraft, type Issue, type PolicyProfileId } from '../../shared/domain/policy';

export const calendar = createWorkdayCalendar();

export const PERSON_ID = '11010519491231002X';
export const AGENT_ID = `34010219800101001${idCardCheckChar('34010219800101001')}`;

export const person = {
  insuranceType: 'employee',
  certType: 'id_card',
  certNo: PERSON_ID,
  personName: '张三',
} as const;

export const referralDetails = {
  destinationRegion: '320100',
  diagnosisCode: 'C34.900',
  diagnosisName: '肺恶性肿瘤',
  referralKind: '1',
  referralReason: '需上级医院放疗',
  phone: '13900000000',
  transferringInstitution: { name: '本院' },
  caseSummary: '确诊肺癌，需放化疗',
  destinationInstitution: { code: 'H32010200001', name: '南京某三甲医院' },
  referralOpinion: '同意转院',
};

export const longTermDetails = {
  destinationRegion: '440300',
  address: '深圳市南山区某街道1号',
  reason: '随子女居住',
  phone: '13900000000',
};

export const emergencyDetails = {
  destinationRegion: '320100',
  admissionDate: '2026-09-29',
  caseSummary: '急性心肌梗死急诊入院',
  phone: '13900000000',
  careSetting: 'inpatient',
};

export const agent = { name: '李四', certType: 'resident_id', certNo: AGENT_ID, phone: '13800000000', relation: 'child' };

export function evaluate(profileId: PolicyProfileId, draft: FilingDraft, today = '2026-03-02') {
  return evaluateFiling(draft, { profile: POLICY_PROFILES[profileId], today, calendar });
}

export const fieldsOf = (issues: readonly Issue[]) => issues.map((i) => i.field);
export const messagesOf = (issues: readonly Issue[]) => issues.map((i) => i.message);
