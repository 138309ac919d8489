// Collects what the checks find. Each error is tagged with what kind of problem it is, so the
// 一次性告知 can list what is missing or refused, while typing slips stay on the form only.
import type { z } from 'zod';
import type { Issue } from './draft';

export type FindingKind = 'missing' | 'invalid' | 'refused';

export interface Finding extends Issue {
  kind: FindingKind;
}

export class Findings {
  readonly errors: Finding[] = [];
  readonly warnings: Issue[] = [];

  error(kind: FindingKind, field: string | undefined, message: string, source: string): void {
    this.errors.push(field === undefined ? { kind, message, source } : { kind, field, message, source });
  }

  warn(field: string | undefined, message: string, source: string): void {
    this.warnings.push(field === undefined ? { message, source } : { field, message, source });
  }
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}

/** Blank strings and all-blank objects become undefined, as if the form had never touched them. */
export function dropBlanks(value: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value ?? {})) {
    if (isBlank(v)) continue;
    out[key] = v !== null && typeof v === 'object' && !Array.isArray(v) ? dropBlanks(v as Record<string, unknown>) : v;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Parses `value` and records every zod issue; returns the parsed data when it is all valid. */
export function parseInto<T>(findings: Findings, schema: z.ZodType<T>, value: unknown, prefix: string, source: string): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    const kind = isBlank(valueAt(value, issue.path)) ? 'missing' : 'invalid';
    findings.error(kind, field === '' ? undefined : field, issue.message, source);
  }
  return undefined;
}

/**
 * Parses each field of an object schema on its own, so one bad field does not hide the valid
 * values of the others (the engine needs e.g. the admission date even when the phone is wrong).
 */
export function parseShape(
  findings: Findings,
  shape: Readonly<Record<string, z.ZodType>>,
  input: Record<string, unknown>,
  prefix: string,
  source: string,
): Record<string, unknown> {
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const field = prefix === '' ? key : `${prefix}.${key}`;
    const result = schema.safeParse(input[key]);
    if (result.success) {
      if (result.data !== undefined) valid[key] = result.data;
      continue;
    }
    for (const issue of result.error.issues) {
      const path = [field, ...issue.path.map(String)].join('.');
      const kind = isBlank(valueAt(input[key], issue.path)) ? 'missing' : 'invalid';
      findings.error(kind, path, issue.message, source);
    }
  }
  return valid;
}
