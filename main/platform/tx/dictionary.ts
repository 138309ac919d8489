// 1901 字典表查询 (nhsa-interface.md §2.12), and the built-in values the desk falls back to when a
// dictionary has never been downloaded for a region (marked source: 'fallback' wherever shown).
import { z } from 'zod';
import { REFERRAL_KIND_FALLBACK } from '../../../shared/domain/filing';
import type { Interpretation } from '../exchange';
import type { DictionaryEntry } from '../types';
import { INSUTYPE_LABELS } from '../wire';
import { num, read, text } from './common';

/** Dictionaries the desk loads per region (§2.12). */
export const DESK_DICTIONARIES = ['refl_type', 'hosp_agre_refl_flag', 'insutype', 'psn_cert_type', 'mdtrt_cert_type', 'out_flag'] as const;

export function dictionaryInput(type: string, region: string, date: string): Record<string, unknown> {
  return { type, parentValue: '', admdvs: region, date, valiFlag: '1' };
}

const row = z.object({ type: text, label: text, value: text, parent_value: text, sort: num, vali_flag: text });
const output = z.object({ list: z.array(row).nullish().transform((v) => v ?? []) });

export function interpretDictionary(out: unknown): Interpretation<DictionaryEntry[]> {
  return read(out, output, '字典列表', (v) =>
    v.list
      .filter((r) => r.value !== null && r.label !== null && r.vali_flag !== '0')
      .map((r) => {
        const entry: DictionaryEntry = { value: r.value ?? '', label: r.label ?? '' };
        if (r.parent_value) entry.parentValue = r.parent_value;
        if (r.sort !== null) entry.sort = r.sort;
        return entry;
      })
      .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0)),
  );
}

/** Built-in values, from nhsa-interface.md §3 (and shared/domain for refl_type, whose values are not public). */
export const FALLBACK_DICTIONARIES: Record<string, DictionaryEntry[]> = {
  refl_type: REFERRAL_KIND_FALLBACK.map((e) => ({ value: e.value, label: e.label })),
  // §3: 1 同意 / 0 不同意 from one test form only (UNCERTAIN); replaced by the region's 1901 values once loaded.
  hosp_agre_refl_flag: [
    { value: '1', label: '同意' },
    { value: '0', label: '不同意' },
  ],
  insutype: Object.entries(INSUTYPE_LABELS).map(([value, label]) => ({ value, label })),
  psn_cert_type: [
    { value: '01', label: '居民身份证（户口簿）' },
    { value: '02', label: '军官证' },
    { value: '03', label: '武警警官证' },
    { value: '04', label: '香港特区护照/港澳居民来往内地通行证' },
    { value: '05', label: '澳门特区护照/港澳居民来往内地通行证' },
    { value: '06', label: '台湾居民来往大陆通行证' },
    { value: '07', label: '外国人永久居留证' },
    { value: '08', label: '外国人护照' },
    { value: '17', label: '港澳台居民居住证' },
    { value: '90', label: '社会保障卡' },
    { value: '99', label: '其他身份证件' },
  ],
  mdtrt_cert_type: [
    { value: '01', label: '医保电子凭证' },
    { value: '02', label: '居民身份证' },
    { value: '03', label: '社会保障卡' },
  ],
  out_flag: [
    { value: '0', label: '否' },
    { value: '1', label: '是' },
  ],
};
