// Helpers for reading transaction outputs: the platform sends numbers as strings and vice versa,
// and omits or nulls optional fields, so outputs are read leniently and checked where it matters.
import { z } from 'zod';
import type { Interpretation } from '../exchange';

/** A scalar as text; absent, null or empty -> null. */
export const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim()));

export const num = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => {
    if (v === null || v === undefined || String(v).trim() === '') return null;
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  });

export function unrecognised<T>(what: string): Interpretation<T> {
  return {
    ok: false,
    outcome: 'unknown',
    message: `医保平台应答缺少${what}，该交易结果待核实`,
    reason: 'unrecognised_output',
  };
}

/** Parses an output with `schema`; a mismatch is `unknown` (the call may still have taken effect). */
export function read<S extends z.ZodType, T>(output: unknown, schema: S, what: string, map: (v: z.output<S>) => T): Interpretation<T> {
  const parsed = schema.safeParse(output);
  return parsed.success ? { ok: true, value: map(parsed.data) } : unrecognised(what);
}

export function flag(value: string | null): boolean | null {
  if (value === '1') return true;
  if (value === '0') return false;
  return null;
}

/** Removes undefined members so optional inputs are left out of the wire instead of sent empty. */
export function compact(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
