import { and, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { FilingDetail, FilingStatus, FilingSummary, FilingType, ReviewStatus, UploadState } from '../../shared/domain/filing';
import type { ExistingFiling } from '../../shared/domain/policy';
import type { CertType, InsuranceType } from '../../shared/domain/insurance';
import { maskIdNumber } from '../../shared/domain/idcard';
import { regionLabel } from '../../shared/domain/regions';
import { filings } from '../schema';
import type { Exec } from './types';

type Row = typeof filings.$inferSelect;
export type NewFilingRow = typeof filings.$inferInsert;

function toSummary(row: Row): FilingSummary {
  return {
    id: row.id,
    localNo: row.localNo,
    type: row.type as FilingType,
    insuranceType: row.insuranceType as InsuranceType,
    certType: row.certType as CertType,
    certNoMasked: maskIdNumber(row.certNo),
    personName: row.personName,
    destinationRegion: row.destinationRegion,
    destinationLabel: row.destinationRegion ? regionLabel(row.destinationRegion) : null,
    startDate: row.startDate,
    endDate: row.endDate,
    status: row.status,
    uploadState: row.uploadState as UploadState,
    platformSerial: row.platformSerial,
    reviewStatus: row.reviewStatus,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

function toDetail(row: Row): FilingDetail {
  return { ...toSummary(row), certNo: row.certNo, details: row.details, reviewNote: row.reviewNote, updatedAt: row.updatedAt };
}

export function insertFiling(db: Exec, row: NewFilingRow): FilingDetail {
  return toDetail(db.insert(filings).values(row).returning().get());
}

export function getFiling(db: Exec, id: string): FilingDetail | undefined {
  const row = db.select().from(filings).where(eq(filings.id, id)).get();
  return row ? toDetail(row) : undefined;
}

export function setUploadState(db: Exec, id: string, uploadState: UploadState, at: string, platformSerial?: string | null): void {
  db.update(filings)
    .set({ uploadState, updatedAt: at, ...(platformSerial !== undefined ? { platformSerial } : {}) })
    .where(eq(filings.id, id))
    .run();
}

/** The person's filings (any status) for the overlap check; cert numbers are stored upper-case. */
export function filingsOfPerson(db: Exec, certNo: string): ExistingFiling[] {
  return db
    .select({ id: filings.id, localNo: filings.localNo, type: filings.type, certNo: filings.certNo, startDate: filings.startDate, endDate: filings.endDate, status: filings.status })
    .from(filings)
    .where(and(eq(filings.certNo, certNo.trim().toUpperCase()), eq(filings.status, 'active')))
    .all()
    .map((r) => ({ ...r, type: r.type as FilingType }));
}

export function setReview(db: Exec, id: string, reviewStatus: ReviewStatus, reviewNote: string | null, at: string): void {
  db.update(filings).set({ reviewStatus, reviewNote, updatedAt: at }).where(eq(filings.id, id)).run();
}

export function listByReviewStatus(db: Exec, reviewStatus: ReviewStatus, limit: number): FilingSummary[] {
  return db.select().from(filings).where(eq(filings.reviewStatus, reviewStatus)).orderBy(desc(filings.createdAt)).limit(limit).all().map(toSummary);
}

/** Replaces what an edit may change; bumps the version. */
export function updateFilingRow(db: Exec, id: string, set: Partial<NewFilingRow>, at: string): void {
  db.update(filings)
    .set({ ...set, updatedAt: at, version: sql`${filings.version} + 1` })
    .where(eq(filings.id, id))
    .run();
}

export interface FilingFilter {
  query?: string | undefined;
  type?: FilingType | undefined;
  status?: FilingStatus | undefined;
  uploadState?: UploadState | undefined;
  page: number;
  pageSize: number;
}

/** Prefix match that can use the column's index (no leading-wildcard LIKE). */
function prefix(column: SQLiteColumn, value: string): SQL {
  return and(gte(column, value), lt(column, `${value}\u{10FFFF}`))!;
}

export function listFilings(db: Exec, filter: FilingFilter): { total: number; items: FilingSummary[] } {
  const conditions: SQL[] = [];
  const q = filter.query?.trim();
  if (q) {
    const upper = q.toUpperCase();
    conditions.push(
      or(
        prefix(filings.certNo, upper),
        prefix(filings.personName, q),
        prefix(filings.nameInitials, q.toLowerCase()),
        eq(filings.localNo, q),
        eq(filings.platformSerial, q),
      )!,
    );
  }
  if (filter.type) conditions.push(eq(filings.type, filter.type));
  if (filter.status) conditions.push(eq(filings.status, filter.status));
  if (filter.uploadState) conditions.push(eq(filings.uploadState, filter.uploadState));
  const where = conditions.length ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(filings).where(where).get()?.n ?? 0;
  const rows = db
    .select()
    .from(filings)
    .where(where)
    .orderBy(desc(filings.createdAt), desc(filings.localNo))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all();
  return { total, items: rows.map(toSummary) };
}
