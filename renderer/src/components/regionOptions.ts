// Cascader options over the division data (shared/domain/regions.ts).
import { checkDestinationRegion, citiesOf, provinces } from '../../../shared/domain/regions';

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

/**
 * Filing destinations: leaves are exactly the codes checkDestinationRegion accepts, so the four
 * municipalities are picked at province level and every other province down to its cities.
 */
export function destinationOptions(): RegionOption[] {
  return provinces().flatMap((p): RegionOption[] => {
    if (checkDestinationRegion(p.code).ok) return [{ value: p.code, label: p.name }];
    const children = citiesOf(p.code)
      .filter((c) => checkDestinationRegion(c.code).ok)
      .map((c) => ({ value: c.code, label: c.name }));
    return children.length ? [{ value: p.code, label: p.name, children }] : [];
  });
}

/** Any province or city (the institution's own 医保区划 may be either). */
export function divisionOptions(): RegionOption[] {
  return provinces().map((p) => {
    const children = citiesOf(p.code).map((c) => ({ value: c.code, label: c.name }));
    return children.length ? { value: p.code, label: p.name, children } : { value: p.code, label: p.name };
  });
}

/** The cascader path of a code: [province] or [province, city]. */
export function pathOfRegion(code: string | undefined, options: RegionOption[]): string[] | undefined {
  if (!code) return undefined;
  const province = options.find((p) => p.value === `${code.slice(0, 2)}0000`);
  if (!province) return undefined;
  if (province.value === code) return [code];
  return province.children?.some((c) => c.value === code) ? [province.value, code] : undefined;
}

/** Whether a cascader path matches what was typed: a name (合肥) or the start of a code (3401). */
export function pathMatches(input: string, path: readonly RegionOption[]): boolean {
  const q = input.trim();
  return q !== '' && path.some((o) => o.label.includes(q) || o.value.startsWith(q));
}

/**
 * The first search result as the cascader lists it (depth-first; parents too when a parent may be
 * picked), so Enter after typing takes the top line the operator sees.
 */
export function firstMatch(options: readonly RegionOption[], input: string, parentsSelectable: boolean): string | undefined {
  const dig = (list: readonly RegionOption[], path: RegionOption[]): string | undefined => {
    for (const option of list) {
      const here = [...path, option];
      const leaf = !option.children?.length;
      if ((leaf || parentsSelectable) && pathMatches(input, here)) return option.value;
      const inner = option.children ? dig(option.children, here) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return dig(options, []);
}
