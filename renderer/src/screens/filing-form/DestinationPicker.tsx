// The destination region for the institution's policy profile: province level for the
// municipalities and whatever the profile adds (Ganzhou: 海南、西藏), city level elsewhere
// (shared/domain/policy destinationOptions). Typing filters by name or code; Enter takes the top
// result unless the operator moved through the list with the arrow keys.
import { useMemo } from 'react';
import { destinationOptions, type PolicyProfile } from '../../../../shared/domain/policy';
import { provinces } from '../../../../shared/domain/regions';
import { RegionCascader } from '../../components/RegionPicker';
import type { RegionOption } from '../../components/regionOptions';

/** Cascader options from the profile's destination list, grouped by province. */
export function profileDestinationOptions(profile: PolicyProfile): RegionOption[] {
  const byProvince = new Map<string, RegionOption[]>();
  const provinceLevel: RegionOption[] = [];
  for (const option of destinationOptions(profile)) {
    if (option.level === 'province') {
      provinceLevel.push({ value: option.code, label: option.label });
      continue;
    }
    const key = `${option.code.slice(0, 2)}0000`;
    const list = byProvince.get(key) ?? [];
    list.push({ value: option.code, label: option.label.split(/\s+/).pop() ?? option.label });
    byProvince.set(key, list);
  }
  return provinces().flatMap((p): RegionOption[] => {
    const level = provinceLevel.find((o) => o.value === p.code);
    if (level) return [{ value: p.code, label: p.name }];
    const children = byProvince.get(p.code);
    return children?.length ? [{ value: p.code, label: p.name, children }] : [];
  });
}

export interface DestinationPickerProps {
  profile: PolicyProfile;
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}

export function DestinationPicker({ profile, ...props }: DestinationPickerProps) {
  const options = useMemo(() => profileDestinationOptions(profile), [profile]);
  return <RegionCascader {...props} options={options} parentsSelectable={false} />;
}
