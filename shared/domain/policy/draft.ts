// What the engine reads and returns. A draft is whatever the form (or an importer) has so far:
// every field optional, enums as plain strings — the engine validates them itself.
import { z } from 'zod';
import { FILING_CLASSES } from '../filing-types/classes';
import { POLICY_PROFILE_IDS } from './types';

export const filingDraftSchema = z.object(
  {
    type: z.string().optional(),
    insuranceType: z.string().optional(),
    certType: z.string().optional(),
    certNo: z.string().optional(),
    personName: z.string().optional(),
    startDate: z.string().optional(),
    endDate: z.string().nullable().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    /** material ids the applicant has handed in; 'personal_commitment' = signed 个人承诺书 */
    materials: z.array(z.string()).optional(),
    filedByAgent: z.boolean().optional(),
    agent: z.record(z.string(), z.unknown()).nullable().optional(),
    /** filed after the patient has settled at their own expense (自费结算后补办) */
    retroactive: z.boolean().optional(),
    channel: z.enum(['window', 'online']).optional(),
    /** business date the filing is submitted; defaults to today */
    submittedOn: z.string().optional(),
  },
  { error: '备案内容格式不正确' },
);
export type FilingDraft = z.infer<typeof filingDraftSchema>;

/** One finding for the operator: Chinese message, the field it belongs to, where the rule comes from. */
export const issueSchema = z.object({
  field: z.string().optional(),
  message: z.string(),
  source: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

export const deadlineSchema = z.object({
  id: z.string(),
  label: z.string(),
  date: z.string(),
  overdue: z.boolean(),
  source: z.string(),
  /** years counted as plain weekdays because no holiday data covers them */
  uncoveredYears: z.array(z.number()).optional(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

/** The engine's answer; a zod schema so the contract can carry it as a response. */
export const filingEvaluationSchema = z.object({
  /** blocking: the filing cannot be saved as is */
  errors: z.array(issueSchema),
  warnings: z.array(issueSchema),
  defaults: z.object({ endDate: z.string().nullable().optional() }),
  deadlines: z.array(deadlineSchema),
  /** 一次性告知: every missing item, material and refusal reason at once (002_c36e71247612bdfe.txt 办理流程) */
  notice: z.object({ items: z.array(z.string()) }),
  /** the profile's rules that apply to this draft, for the service and the screens */
  policy: z.object({
    profileId: z.enum(POLICY_PROFILE_IDS),
    typeLabel: z.string().nullable(),
    filingClass: z.enum(FILING_CLASSES).nullable(),
    reviewRequired: z.boolean(),
    endDateRule: z.string().nullable(),
    changeLockMonths: z.number().nullable(),
    settlementLimit: z.object({ outpatient: z.number(), inpatient: z.number() }).nullable(),
  }),
});
export type FilingEvaluation = z.infer<typeof filingEvaluationSchema>;
