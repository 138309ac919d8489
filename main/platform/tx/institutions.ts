// 1201 医药机构信息获取 (nhsa-interface.md §2.3). 1201 has no region input; the region filter is
// applied to the code, whose format is H + 6-digit region + 5-digit serial (§1.1 row 15).
import { z } from 'zod';
import type { Interpretation } from '../exchange';
import type { InstitutionInfo, InstitutionQuery } from '../types';
import { read, text } from './common';

export function institutionInput(query: InstitutionQuery): Record<string, unknown> {
  return {
    fixmedins_type: query.kind === 'pharmacy' ? '2' : '1',
    fixmedins_code: query.code?.trim().toUpperCase() ?? '',
    fixmedins_name: query.name?.trim() ?? '',
  };
}

const row = z.object({ fixmedins_code: text, fixmedins_name: text, uscc: text, fixmedins_type: text, hosp_lv: text });
const output = z.object({ medinsinfo: z.array(row).nullish().transform((v) => v ?? []) });

export function regionOfInstitution(code: string): string | null {
  return /^H\d{11}$/.test(code) ? code.slice(1, 7) : null;
}

export function interpretInstitutions(query: InstitutionQuery) {
  return (out: unknown): Interpretation<InstitutionInfo[]> =>
    read(out, output, '医药机构列表', (v) =>
      v.medinsinfo
        .filter((r) => r.fixmedins_code && r.fixmedins_name)
        .map(
          (r): InstitutionInfo => ({
            code: r.fixmedins_code ?? '',
            name: r.fixmedins_name ?? '',
            uscc: r.uscc,
            kind: r.fixmedins_type === '1' ? 'medical' : r.fixmedins_type === '2' ? 'pharmacy' : 'other',
            level: r.hosp_lv,
            region: regionOfInstitution(r.fixmedins_code ?? ''),
          }),
        )
        .filter((i) => !query.region || (i.region ?? '').startsWith(query.region.replace(/0+$/, ''))),
    );
}
