// Report queries: the filings of a range of business days (filing_date, CST: the day a desk filing was
// saved, the original date of a back entry or import), read once through the filing_date index, and
// their upload entries. The service aggregates the rows in one pass.
import { count, sql } from 'drizzle-orm';
import { filings } from '../schema';
import type { Exec } from './types';

export interface ReportRange {
  /** First and last business day, inclusive (YYYY-MM-DD). */
  fromDay: string;
  toDay: string;
}

export function countFilings(db: Exec): number {
  return db.select({ n: count() }).from(filings).get()?.n ?? 0;
}

export interface ReportFilingRow {
  type: string;
  status: string;
  uploadState: string;
  destinationRegion: string | null;
  createdBy: string;
  filingDate: string;
}

export function filingsForReport(db: Exec, r: ReportRange): ReportFilingRow[] {
  return db.all<ReportFilingRow>(sql`
    select type, status, upload_state as uploadState, destination_region as destinationRegion, created_by as createdBy, filing_date as filingDate
    from filings
    where filing_date >= ${r.fromDay} and filing_date <= ${r.toDay}`);
}

export interface UploadRow {
  status: string;
  filingCreatedAt: string;
  /** When the entry last changed: for a done entry, when the platform accepted it. */
  entryUpdatedAt: string;
}

/** The upload entries (`kind`) of the filings in the range; CROSS JOIN keeps filings (by date) the outer loop. */
export function uploadEntries(db: Exec, r: ReportRange, kind: string): UploadRow[] {
  return db.all<UploadRow>(sql`
    select o.status as status, f.created_at as filingCreatedAt, o.updated_at as entryUpdatedAt
    from filings f cross join outbox o
    where f.filing_date >= ${r.fromDay} and f.filing_date <= ${r.toDay} and o.order_key = f.id and o.kind = ${kind}`);
}
