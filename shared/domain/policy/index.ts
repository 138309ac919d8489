import { z } from 'zod';
import { POLICY_PROFILE_IDS } from './types';

export * from './types';
export * from './draft';
export { evaluateFiling } from './evaluate';
export type { EvaluationContext } from './evaluate';
export { checkChangeAllowed, checkChangeOverride, changeOverrideSchema } from './change-lock';
export type { ChangeAction, ChangeCheck, ChangeOverride, ChangeTarget } from './change-lock';
export { checkOverlap } from './overlap';
export type { ExistingFiling, OverlapCandidate } from './overlap';
export { checkDestination, destinationOptions } from './destinations';
export type { DestinationOption } from './destinations';
export { addMonths, defaultEndDate, describeEndDateRule } from './period';
export { typeLabel } from './checks/type';
export { DEFAULT_POLICY_PROFILE_ID, defaultProfileFor, POLICY_PROFILES, REGION_DEFAULT_PROFILES } from './profiles';
export { SEED_FILES } from './sources';

/** The institution's choice in settings. */
export const policyProfileIdSchema = z.enum(POLICY_PROFILE_IDS, { error: '请选择政策配置' });
