// Administrative divisions (GB/T 2260 based 医保区划), versioned data from @vant/area-data.
// That data is NBS 统计用区划代码: it carries development-zone pseudo-codes and HK/MO/TW rows,
// neither of which is a filing destination on the national platform, so both are filtered out
// (../shared/reference/dependencies.md §6, policy-rules.md §4).
import { areaList } from '@vant/area-data';

export const DIVISION_DATA_VERSION = '@vant/area-data 2.1.0（2024年12月区划）';

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
}

const EXCLUDED_PROVINCES = new Set(['71', '81', '82']);
const PSEUDO_ZONE = /开发区|高新|园区|示范区|实验区|管理区|度假区|工业区|合作区|新区管委会/;

function isPseudoCode(code: string, name: string): boolean {
  const county = Number(code.slice(4));
  return county >= 71 && county <= 79 && PSEUDO_ZONE.test(name);
}

function build(list: Record<string, string>, level: Region['level']): Region[] {
  return Object.entries(list)
    .filter(([code, name]) => !EXCLUDED_PROVINCES.has(code.slice(0, 2)) && !isPseudoCode(code, name))
    .map(([code, name]) => ({ code, name, level }));
}

const provinceList = build(areaList.province_list, 'province');
const cityList = build(areaList.city_list, 'city');
const countyList = build(areaList.county_list, 'county');
const byCode = new Map<string, Region>([...provinceList, ...cityList, ...countyList].map((r) => [r.code, r]));

/** The four municipalities always file at province level (policy-rules.md §2.3). */
export const MUNICIPALITIES = ['110000', '120000', '310000', '500000'] as const;

export function provinces(): readonly Region[] {
  return provinceList;
}

export function citiesOf(provinceCode: string): Region[] {
  const prefix = provinceCode.slice(0, 2);
  return cityList.filter((c) => c.code.startsWith(prefix));
}

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}

/** 医保 pooling-area pseudo-codes: xx9900 省本级 and xxxx99 市本级 (nhsa-interface.md §3). */
export function isPoolingPseudoCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  if (code.endsWith('9900')) return byCode.has(`${code.slice(0, 2)}0000`);
  if (code.endsWith('99')) return byCode.has(`${code.slice(0, 4)}00`);
  return false;
}

/** A region code the desk accepts anywhere: a known division or a pooling pseudo-code. */
export function isKnownRegionCode(code: string): boolean {
  return byCode.has(code) || isPoolingPseudoCode(code);
}

/** "安徽省 合肥市", "北京市", or the code itself when unknown. */
export function regionLabel(code: string): string {
  const region = byCode.get(code);
  if (!region) {
    if (isPoolingPseudoCode(code)) {
      const parent = code.endsWith('9900') ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
      return `${regionLabel(parent)}（本级）`;
    }
    return code;
  }
  if (region.level === 'province') return region.name;
  const province = byCode.get(`${code.slice(0, 2)}0000`);
  if (region.level === 'city') {
    return province && !MUNICIPALITIES.includes(province.code as (typeof MUNICIPALITIES)[number])
      ? `${province.name} ${region.name}`
      : (province?.name ?? region.name);
  }
  const city = byCode.get(`${code.slice(0, 4)}00`);
  return [province?.name, city && city.name !== province?.name ? city.name : undefined, region.name]
    .filter(Boolean)
    .join(' ');
}

/**
 * Whether `code` is a valid filing destination: a prefecture-level city, or the province itself
 * where the province files at province level (the municipalities, plus what a policy profile adds).
 */
export function checkDestinationRegion(
  code: string,
  provinceLevel: readonly string[] = MUNICIPALITIES,
): { ok: true } | { ok: false; message: string } {
  const region = byCode.get(code);
  if (!region) return { ok: false, message: '转往地区代码不存在，请从列表中选择' };
  const provinceCode = `${code.slice(0, 2)}0000`;
  if (provinceLevel.includes(provinceCode)) {
    return code === provinceCode
      ? { ok: true }
      : { ok: false, message: `${byCode.get(provinceCode)?.name ?? ''}按省级备案，请选择省级地区` };
  }
  if (region.level !== 'city') return { ok: false, message: '转往地区应选择到地市一级' };
  return { ok: true };
}
