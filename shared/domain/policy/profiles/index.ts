import type { PolicyProfile, PolicyProfileId } from '../types';
import { ganzhou2019 } from './ganzhou-2019';
import { hefei2019 } from './hefei-2019';
import { jining2018 } from './jining-2018';
import { national2022 } from './national-2022';
import { sanming } from './sanming';

export const POLICY_PROFILES: Record<PolicyProfileId, PolicyProfile> = {
  'national-2022': national2022,
  'hefei-2019': hefei2019,
  'ganzhou-2019': ganzhou2019,
  sanming,
  'jining-2018': jining2018,
};

/** The profile a fresh desk uses until the institution picks one in settings. */
export const DEFAULT_POLICY_PROFILE_ID: PolicyProfileId = 'national-2022';

export { ganzhou2019, hefei2019, jining2018, national2022, sanming };

/**
 * The profile a desk starts with, from its institution's region (the seeds' pooling regions);
 * anywhere else the national baseline. The admin can choose another in settings.
 */
export const REGION_DEFAULT_PROFILES: readonly { prefix: string; profile: PolicyProfileId; source: string }[] = [
  { prefix: '3401', profile: 'hefei-2019', source: 'seed 000_bc84ff0b7039e793.txt (合肥)' },
  { prefix: '3607', profile: 'ganzhou-2019', source: 'seed 003_f7ec7151fcfbcf96.txt (赣州)' },
  { prefix: '3504', profile: 'sanming', source: 'seed 002_c36e71247612bdfe.txt (三明)' },
  { prefix: '3708', profile: 'jining-2018', source: 'seed 004_b89a9dffbb20a241.txt (济宁)' },
];

export function defaultProfileFor(regionCode: string | null | undefined): PolicyProfileId {
  return REGION_DEFAULT_PROFILES.find((r) => regionCode?.startsWith(r.prefix))?.profile ?? DEFAULT_POLICY_PROFILE_ID;
}
