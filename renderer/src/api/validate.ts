// Local validation with the contract's own zod schemas, reported exactly as the dispatcher reports
// a rejected request, so a form handles both with one path.
import type { z } from 'zod';
import { formatIssues, type Failure } from '../../../shared/contract';

export type Validated<T> = { ok: true; value: T } | Failure;

export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : formatIssues(parsed.error);
}
