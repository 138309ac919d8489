// Field-level errors from either side onto form fields. The dispatcher reports a Failure's
// `fields` as dot-joined paths (`details.phone`); the forms name their fields with the same
// paths as the request, so `details.phone` is the form field ['details', 'phone'].
import type { Failure } from '../../../shared/contract';

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

export interface MappedFailure {
  /** Errors that belong to a field on the form. */
  fields: FieldError[];
  /** Messages with no field on the form (whole-request errors, fields the form does not show). */
  unplaced: string[];
}

export function pathOf(dotted: string): (string | number)[] {
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `isField` says whether the form has a field at that path (dot-joined). */
export function mapFieldErrors(fields: Record<string, string> | undefined, isField: (dotted: string) => boolean): MappedFailure {
  const out: MappedFailure = { fields: [], unplaced: [] };
  for (const [dotted, message] of Object.entries(fields ?? {})) {
    if (isField(dotted)) out.fields.push({ name: pathOf(dotted), errors: [message] });
    else out.unplaced.push(message);
  }
  return out;
}

export function mapFailure(failure: Failure, isField: (dotted: string) => boolean): MappedFailure {
  return mapFieldErrors(failure.fields, isField);
}
