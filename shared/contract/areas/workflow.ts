// Filing workflow around the form: the filing's timeline (audit log and upload attempts) and the
// screens' other needs beyond the core filing channels.
// Spread into the channel map by channels.ts; handlers in main/app/areas/workflow.ts.
import { z } from 'zod';
import { ROLES } from '../roles';
import { channel, empty } from '../define';

/** What a timeline entry is about; the detail screen picks its colour and icon by this. */
export const TIMELINE_KINDS = ['created', 'edited', 'review', 'printed', 'upload', 'voided', 'other'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One changed field of an edit: a dotted path (`personName`, `details.diagnosisCode`), values as text. */
export const timelineChangeDto = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type TimelineChangeDto = z.infer<typeof timelineChangeDto>;

export const timelineEntryDto = z.object({
  /** ISO instant; the screen shows it in Beijing time. */
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /** The audit action (`filing.update`, `review.return`, …) or, for an upload attempt, `attempt.<outcome>`. */
  action: z.string(),
  /** What happened, in the operator's words: 新建备案, 复核退回, 上传成功, … */
  title: z.string(),
  /** Who: an operator's name; null when the desk's upload queue did it by itself. */
  actor: z.string().nullable(),
  /** The reason, the platform's message, the printed template, …; null when there is nothing to add. */
  detail: z.string().nullable(),
  /** An edit's changed fields with their values before and after. */
  changes: z.array(timelineChangeDto).optional(),
  /** For an upload attempt: which intent (备案上传 / 备案撤销), its msgid (null: decided without a request) and outcome. */
  attempt: z
    .object({
      /** The queue entry, for queue.retryNow / queue.attempts. */
      entryId: z.string(),
      entryKind: z.string(),
      msgid: z.string().nullable(),
      outcome: z.string().nullable(),
      durationMs: z.number().int().nullable(),
    })
    .optional(),
});
export type TimelineEntryDto = z.infer<typeof timelineEntryDto>;

export const reviewerDto = z.object({ id: z.string(), displayName: z.string(), username: z.string(), role: z.enum(ROLES) });
export type ReviewerDto = z.infer<typeof reviewerDto>;

/** An operator as a filter choice (备案列表's 经办人): inactive ones too, their filings stay listed. */
export const operatorNameDto = z.object({ id: z.string(), displayName: z.string(), active: z.boolean() });
export type OperatorNameDto = z.infer<typeof operatorNameDto>;

export const workflowChannels = {
  'filing.timeline': channel({
    summary:
      "A filing's history, oldest first: created, reviewed, edited (changed fields before/after), printed, every upload and check attempt (msgid, outcome, the platform's message), voided — who did what, when. Read-only.",
    request: z.object({ id: z.string().min(1, '请指定备案') }),
    response: z.array(timelineEntryDto),
    access: 'authenticated',
  }),
  'workflow.reviewers': channel({
    summary: 'The active reviewers and administrators an operator may name as the second person of a lock override (提前变更/作废复核人).',
    request: empty,
    response: z.array(reviewerDto),
    access: 'authenticated',
  }),
  'workflow.operators': channel({
    summary: "Every operator account's id and display name, active and inactive, active first then by name: the filing list's 经办人 filter (filing.list operatorId).",
    request: empty,
    response: z.array(operatorNameDto),
    access: 'authenticated',
  }),
} as const;
