// Outbox kinds: the intent, not the wire transaction (main/platform maps intents to transactions).
export const FILING_CREATE = 'filing.create';
/** Cancel a filing on the platform (2502); waits behind its create in the same order key. */
export const FILING_CANCEL = 'filing.cancel';

export const OUTBOX_KINDS = [FILING_CREATE, FILING_CANCEL] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export const OUTBOX_KIND_LABELS: Record<OutboxKind, string> = {
  [FILING_CREATE]: '备案上传',
  [FILING_CANCEL]: '备案撤销',
};

export interface FilingPayload {
  filingId: string;
  /** For cancels: why, as the operator gave it (sent as the 撤销原因). */
  reason?: string;
}

export function filingIdOf(payload: Record<string, unknown>): string {
  const id = payload.filingId;
  if (typeof id !== 'string' || id === '') throw new Error('outbox payload has no filingId');
  return id;
}
