import type { ErrorCode } from '../../shared/contract';

/** Thrown inside main/ by services; the dispatcher turns it into a Failure once, at the boundary. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** For the operator, in Chinese. */
    readonly operatorMessage: string,
    readonly fields?: Record<string, string>,
  ) {
    super(`${code}: ${operatorMessage}`);
  }
}
