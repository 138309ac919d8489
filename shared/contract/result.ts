// What crosses the boundary between renderer and main: results, never throws.
export const ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'INVALID_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BUSINESS_RULE',
  'UNAVAILABLE',
  /** The provincial platform cannot be asked now (person.lookup: enter the person by hand). */
  'PLATFORM_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** For the operator, in Chinese. */
  message: string;
  /** Field path (dot-joined) -> message, for forms. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | Failure;

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fields?: Record<string, string>): Failure {
  return fields ? { ok: false, code, message, fields } : { ok: false, code, message };
}
