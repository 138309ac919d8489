// The diagnosis catalogue download, through the profile's catalogue transaction. The national 13xx
// catalogue downloads return a file via 9101/9102, which nhsa-interface.md does not cover (UNCERTAIN);
// the shape here is the simulator's stand-in: input data {page_num, page_size}, output
// {list: [{diag_code, diag_name}], total}. Confirm with the province before relying on it.
import { z } from 'zod';
import type { Interpretation } from '../exchange';
import { num, read, text } from './common';

export interface DiagnosisPage {
  entries: { code: string; name: string }[];
  /** Rows in the whole catalogue, when the platform says. */
  total: number | null;
}

export function diagnosisPageInput(pageNum: number, pageSize: number): Record<string, unknown> {
  return { page_num: pageNum, page_size: pageSize };
}

const output = z.object({
  list: z
    .array(z.object({ diag_code: text, diag_name: text }))
    .nullish()
    .transform((v) => v ?? []),
  total: num,
});

export function interpretDiagnosisPage(out: unknown): Interpretation<DiagnosisPage> {
  return read(out, output, '诊断目录', (v) => ({
    entries: v.list.filter((r) => r.diag_code && r.diag_name).map((r) => ({ code: r.diag_code!, name: r.diag_name! })),
    total: v.total,
  }));
}
