// The institution's policy profile (settings) and the policy engine as the services run it: one
// working-day calendar for the process, today in CST, the person's active filings for overlaps.
import type { ParsedRequestOf, PolicyProfileDto, ResponseOf } from '../../shared/contract';
import { FILING_TYPE_LABELS, FILING_TYPES, type FilingType } from '../../shared/domain/filing';
import { createWorkdayCalendar, type WorkdayCalendar } from '../../shared/domain/calendar';
import {
  checkOverlap,
  defaultProfileFor,
  evaluateFiling,
  policyProfileIdSchema,
  POLICY_PROFILE_IDS,
  POLICY_PROFILES,
  type FilingDraft,
  type FilingEvaluation,
  type Issue,
  type PolicyProfile,
  type PolicyProfileId,
} from '../../shared/domain/policy';
import { businessDate } from '../../shared/domain/time';
import { appendAudit } from '../../db/repositories/audit';
import { filingsOfPerson } from '../../db/repositories/filings';
import { getInstitution, getSetting, putSetting } from '../../db/repositories/institution';
import type { Exec } from '../../db/repositories/types';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';

export const POLICY_PROFILE_SETTING = 'policy.profileId';

/** Built once when the desk starts (the holiday library plus the shipped overrides). */
let calendar: WorkdayCalendar | null = null;
export function deskCalendar(): WorkdayCalendar {
  calendar ??= createWorkdayCalendar();
  return calendar;
}

export function profileIdOf(db: Exec): PolicyProfileId {
  const stored = policyProfileIdSchema.safeParse(getSetting<unknown>(db, POLICY_PROFILE_SETTING));
  // Until an admin chooses, the institution's region decides (a Hefei desk follows the Hefei manual).
  return stored.success ? stored.data : defaultProfileFor(getInstitution(db)?.regionCode);
}

export function currentProfile(db: Exec): PolicyProfile {
  return POLICY_PROFILES[profileIdOf(db)];
}

export function profileDto(profile: PolicyProfile): PolicyProfileDto {
  return {
    id: profile.id,
    label: profile.name,
    summary: profile.summary,
    types: FILING_TYPES.filter((t) => profile.types[t] !== undefined).map((type: FilingType) => ({
      type,
      label: profile.types[type]?.label ?? FILING_TYPE_LABELS[type],
    })),
    reviewRequired: profile.review.required,
  };
}

export function profiles(): ResponseOf<'policy.profiles'> {
  return POLICY_PROFILE_IDS.map((id) => profileDto(POLICY_PROFILES[id]));
}

export function getPolicy(ctx: ServiceContext): ResponseOf<'settings.policy.get'> {
  const profile = currentProfile(ctx.db);
  return { profileId: profile.id, profile: profileDto(profile) };
}

export function setPolicy(ctx: ServiceContext, req: ParsedRequestOf<'settings.policy.set'>, session: Session): ResponseOf<'settings.policy.set'> {
  const at = ctx.clock().toISOString();
  inTransaction(ctx, () => {
    const before = profileIdOf(ctx.db);
    putSetting(ctx.db, POLICY_PROFILE_SETTING, req.profileId, at);
    appendAudit(ctx.db, {
      at,
      operatorId: session.operatorId,
      action: 'settings.policy.set',
      entityType: 'settings',
      entityId: POLICY_PROFILE_SETTING,
      before: { profileId: before },
      after: { profileId: req.profileId },
    });
  });
  return getPolicy(ctx);
}

/** The engine on a draft with the institution's profile and today's CST business date. */
export function evaluateDraft(ctx: ServiceContext, draft: FilingDraft): FilingEvaluation {
  return evaluateFiling(draft, { profile: currentProfile(ctx.db), today: businessDate(ctx.clock()), calendar: deskCalendar() });
}

/** Overlaps with the person's active filings of the same class (`excludeId`: the filing being edited). */
export function overlapsOf(ctx: ServiceContext, draft: FilingDraft, evaluation: FilingEvaluation, excludeId?: string): Issue[] {
  const type = evaluation.policy.typeLabel !== null ? (draft.type as FilingType) : null;
  const certNo = draft.certNo?.trim();
  const startDate = draft.startDate;
  if (!type || !certNo || !startDate || evaluation.errors.some((e) => e.field === 'startDate' || e.field === 'certNo')) return [];
  const endDate = draft.endDate ?? evaluation.defaults.endDate ?? null;
  return checkOverlap(filingsOfPerson(ctx.db, certNo), { ...(excludeId ? { id: excludeId } : {}), type, certNo, startDate, endDate });
}

/** filing.evaluate: the engine's answer with overlaps added as errors (and to the 一次性告知). */
export function evaluate(ctx: ServiceContext, req: ParsedRequestOf<'filing.evaluate'>): ResponseOf<'filing.evaluate'> {
  const evaluation = evaluateDraft(ctx, req);
  const overlaps = overlapsOf(ctx, req, evaluation);
  evaluation.errors.push(...overlaps);
  evaluation.notice.items.push(...overlaps.map((o) => o.message));
  return evaluation;
}
