// The filing.create / filing.update request for every filing type (issue 5): a discriminated union on
// `type`. The referral member accepts exactly what the Hefei referral form has always sent
// (createReferralRequest in ./filing.ts) plus the optional fields the other types bring; the other six
// types carry their details from FILING_DETAILS_SCHEMAS. Profile rules (which types are offered,
// required fields, materials, end dates, destinations) are the policy engine's, run by the service.
import { z } from 'zod';
import { personFields, withCertNoCheck, type FilingType } from './filing';
import { isoDate, optionalText } from './fields';
import { agentDetails } from './filing-types/agent';
import { FILING_DETAILS_SCHEMAS } from './filing-types';
import { MATERIAL_IDS } from './filing-types/materials';

/** Fields every type shares beyond the person and the details. */
const common = {
  ...personFields,
  startDate: isoDate('开始日期'),
  /** Empty: the profile's default (evaluateFiling's defaults.endDate) is stored. */
  endDate: isoDate('终止日期').nullable().optional(),
  /** Material ids handed in; 'personal_commitment' = signed 个人承诺书. */
  materials: z.array(z.enum(MATERIAL_IDS, { error: '材料项目不正确' })).optional(),
  /** 代办人, when someone files for the insured person. */
  agent: agentDetails.nullable().optional(),
  /** Filed after a self-paid settlement (自费结算后补办). */
  retroactive: z.boolean().optional(),
  channel: z.enum(['window', 'online']).optional(),
};

function variant<T extends FilingType, D extends z.ZodType>(type: T, details: D) {
  return withCertNoCheck(z.object({ type: z.literal(type), ...common, details }));
}

export const filingRequest = z.discriminatedUnion(
  'type',
  [
    variant('referral', FILING_DETAILS_SCHEMAS.referral),
    variant('cancer_multi_course', FILING_DETAILS_SCHEMAS.cancer_multi_course),
    variant('emergency', FILING_DETAILS_SCHEMAS.emergency),
    variant('temporary_other', FILING_DETAILS_SCHEMAS.temporary_other),
    variant('retired_resettled', FILING_DETAILS_SCHEMAS.retired_resettled),
    variant('long_term_residence', FILING_DETAILS_SCHEMAS.long_term_residence),
    variant('resident_work', FILING_DETAILS_SCHEMAS.resident_work),
  ],
  { error: '请选择备案类型' },
);
export type FilingRequest = z.output<typeof filingRequest>;
export type FilingRequestInput = z.input<typeof filingRequest>;

/** An early change (within the profile's lock) needs a reason and a second person (policy change-lock). */
export const changeOverrideRequest = z.object({
  reason: optionalText('提前变更理由', 200).refine((v) => v !== undefined && v.length >= 4, '提前变更理由请写明客观原因（至少4个字）'),
  reviewerId: z.string({ error: '请选择复核人' }).min(1, '请选择复核人'),
});

/** The referral member as callers write it (the Hefei form's shape). */
export type ReferralRequestInput = Extract<FilingRequestInput, { type: 'referral' }>;
