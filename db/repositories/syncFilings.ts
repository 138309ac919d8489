// Filing-row changes the upload queue's use cases make (voiding, upload state); reads and inserts
// live in filings.ts.
import { eq, sql } from 'drizzle-orm';
import type { FilingDetail, UploadState } from '../../shared/domain/filing';
import { filings } from '../schema';
import { toDetail } from './filings';
import type { Exec } from './types';

/** Prepared once per database: the queue reads and writes these on every claim and settle. */
function prepareUploadState(db: Exec) {
  const p = sql.placeholder;
  return {
    filing: db.select().from(filings).where(eq(filings.id, p('id'))).prepare(),
    read: db
      .select({ status: filings.status, uploadState: filings.uploadState, platformSerial: filings.platformSerial })
      .from(filings)
      .where(eq(filings.id, p('id')))
      .prepare(),
    write: db
      .update(filings)
      .set({
        uploadState: sql`${p('uploadState')}`,
        updatedAt: sql`${p('at')}`,
        platformSerial: sql`case when ${p('serialSet')} then ${p('serial')} else ${filings.platformSerial} end`,
      })
      .where(eq(filings.id, p('id')))
      .prepare(),
  };
}

const prepared = new WeakMap<Exec, ReturnType<typeof prepareUploadState>>();

function statements(db: Exec): ReturnType<typeof prepareUploadState> {
  let s = prepared.get(db);
  if (!s) {
    s = prepareUploadState(db);
    prepared.set(db, s);
  }
  return s;
}

export interface FilingUploadRow {
  status: string;
  uploadState: UploadState;
  platformSerial: string | null;
}

/** The filing as the queue's claim reads it (getFiling, through a statement prepared once). */
export function filingForUpload(db: Exec, id: string): FilingDetail | undefined {
  const row = statements(db).filing.get({ id });
  return row ? toDetail(row) : undefined;
}

/** What the queue needs of a filing to change its upload state: status, upload state, serial. */
export function filingUploadRow(db: Exec, id: string): FilingUploadRow | undefined {
  return statements(db).read.get({ id }) as FilingUploadRow | undefined;
}

/** Sets the upload state (and the serial, when given). */
export function writeUploadState(db: Exec, id: string, uploadState: UploadState, at: string, platformSerial?: string | null): void {
  statements(db).write.run({ id, uploadState, at, serialSet: platformSerial === undefined ? 0 : 1, serial: platformSerial ?? null });
}

export function markFilingVoided(db: Exec, id: string, at: string): void {
  db.update(filings)
    .set({ status: 'voided', updatedAt: at, version: sql`${filings.version} + 1` })
    .where(eq(filings.id, id))
    .run();
}
