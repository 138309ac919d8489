// The destination region picker and check for a profile: the four municipalities, and whatever
// the profile adds (Ganzhou: 海南、西藏), are filed at province level; elsewhere a prefecture-level
// city (policy-rules.md §2.3, §4). The division data and its filtering live in ../regions.ts.
import { checkDestinationRegion, citiesOf, provinces, regionLabel } from '../regions';
import type { PolicyProfile } from './types';

export interface DestinationOption {
  code: string;
  label: string;
  level: 'province' | 'city';
}

export function destinationOptions(profile: PolicyProfile): DestinationOption[] {
  const provinceLevel = profile.provinceLevelDestinations.codes;
  return provinces().flatMap((province): DestinationOption[] =>
    provinceLevel.includes(province.code)
      ? [{ code: province.code, label: province.name, level: 'province' }]
      : citiesOf(province.code).map((city) => ({ code: city.code, label: regionLabel(city.code), level: 'city' })),
  );
}

/** regions.ts words its messages for referrals (转往地区); other types name their own field. */
export function checkDestination(
  profile: PolicyProfile,
  code: string,
  fieldLabel: string,
): { ok: true } | { ok: false; message: string } {
  const check = checkDestinationRegion(code, profile.provinceLevelDestinations.codes);
  return check.ok ? check : { ok: false, message: check.message.replace('转往地区', fieldLabel) };
}
