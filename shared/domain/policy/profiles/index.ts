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
