// Filing-row changes the upload queue's use cases make (voiding); reads and inserts live in filings.ts.
import { eq, sql } from 'drizzle-orm';
import { filings } from '../schema';
import type { Exec } from './types';

export function markFilingVoided(db: Exec, id: string, at: string): void {
  db.update(filings)
    .set({ status: 'voided', updatedAt: at, version: sql`${filings.version} + 1` })
    .where(eq(filings.id, id))
    .run();
}
