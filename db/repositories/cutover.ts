// Cut-over tables (db/schema/cutover.ts): the platform profile setting, filing origins, import batches
// and clean-up reports. Rows are mapped to plain objects here; services build the DTOs.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { cutoverCleanupItems, cutoverCleanupReports, cutoverFilingOrigins, cutoverImportBatches, filings, outbox, platformProfileSetting } from '../schema';
import type { Exec } from './types';

export type ProfileSettingRow = typeof platformProfileSetting.$inferSelect;
export type FilingOriginRow = typeof cutoverFilingOrigins.$inferSelect;
export type ImportBatchRow = typeof cutoverImportBatches.$inferSelect;
export type CleanupReportRow = typeof cutoverCleanupReports.$inferSelect;
export type CleanupItemRow = typeof cutoverCleanupItems.$inferSelect;

const ACTIVE = 'active';

export function getProfileSetting(db: Exec): ProfileSettingRow | undefined {
  return db.select().from(platformProfileSetting).where(eq(platformProfileSetting.id, ACTIVE)).get();
}

export function saveProfileSetting(db: Exec, value: Omit<ProfileSettingRow, 'id'>): ProfileSettingRow {
  return db
    .insert(platformProfileSetting)
    .values({ id: ACTIVE, ...value })
    .onConflictDoUpdate({ target: platformProfileSetting.id, set: value })
    .returning()
    .get();
}

export function insertOrigin(db: Exec, row: FilingOriginRow): void {
  db.insert(cutoverFilingOrigins).values(row).run();
}

export function findOriginByRef(db: Exec, origin: FilingOriginRow['origin'], originRef: string): FilingOriginRow | undefined {
  return db
    .select()
    .from(cutoverFilingOrigins)
    .where(and(eq(cutoverFilingOrigins.origin, origin), eq(cutoverFilingOrigins.originRef, originRef)))
    .get();
}

/** The old ids of one origin already stored, among `refs` (a re-imported row is refused, not doubled). */
export function existingRefs(db: Exec, origin: FilingOriginRow['origin'], refs: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < refs.length; i += 500) {
    const chunk = refs.slice(i, i + 500);
    for (const r of db
      .select({ ref: cutoverFilingOrigins.originRef })
      .from(cutoverFilingOrigins)
      .where(and(eq(cutoverFilingOrigins.origin, origin), inArray(cutoverFilingOrigins.originRef, [...chunk])))
      .all()) {
      found.add(r.ref);
    }
  }
  return found;
}

export function originsOf(db: Exec, filingIds: readonly string[]): Map<string, FilingOriginRow> {
  const out = new Map<string, FilingOriginRow>();
  for (let i = 0; i < filingIds.length; i += 500) {
    for (const r of db.select().from(cutoverFilingOrigins).where(inArray(cutoverFilingOrigins.filingId, [...filingIds.slice(i, i + 500)])).all()) out.set(r.filingId, r);
  }
  return out;
}

/** Imported filings still active, with their old-system facts: what a clean-up report judges. */
export function activeImported(db: Exec) {
  return db
    .select({
      filingId: filings.id,
      certNo: filings.certNo,
      personName: filings.personName,
      type: filings.type,
      startDate: filings.startDate,
      endDate: filings.endDate,
      destinationRegion: filings.destinationRegion,
      originRef: cutoverFilingOrigins.originRef,
      originalDate: cutoverFilingOrigins.originalDate,
      facts: cutoverFilingOrigins.facts,
    })
    .from(cutoverFilingOrigins)
    .innerJoin(filings, eq(filings.id, cutoverFilingOrigins.filingId))
    .where(and(eq(cutoverFilingOrigins.origin, 'import'), eq(filings.status, 'active')))
    .orderBy(asc(cutoverFilingOrigins.originalDate), asc(cutoverFilingOrigins.originRef))
    .all();
}

/** Back-entered filings (filings.origin 'back_entry') with their paper facts, newest paper first. */
export function listBackEntries(db: Exec, limit: number) {
  return db
    .select({
      filingId: filings.id,
      localNo: filings.localNo,
      personName: filings.personName,
      type: filings.type,
      status: filings.status,
      uploadState: filings.uploadState,
      platformSerial: filings.platformSerial,
      paperNo: filings.originRef,
      originalDate: filings.filingDate,
      createdAt: filings.createdAt,
    })
    .from(filings)
    .where(eq(filings.origin, 'back_entry'))
    .orderBy(desc(filings.filingDate), desc(filings.originRef))
    .limit(limit)
    .all();
}

/** An active back-entry of this paper number, if one was entered already. */
export function activeBackEntry(db: Exec, paperNo: string) {
  return db
    .select({ id: filings.id, localNo: filings.localNo })
    .from(filings)
    .where(and(eq(filings.originRef, paperNo), eq(filings.origin, 'back_entry'), eq(filings.status, 'active')))
    .get();
}

export function insertBatch(db: Exec, row: ImportBatchRow): void {
  db.insert(cutoverImportBatches).values(row).run();
}

export function listBatches(db: Exec, limit: number): ImportBatchRow[] {
  return db.select().from(cutoverImportBatches).orderBy(desc(cutoverImportBatches.createdAt)).limit(limit).all();
}

export function insertReport(db: Exec, row: CleanupReportRow, items: Omit<CleanupItemRow, 'id' | 'reportId' | 'applied'>[]): void {
  db.insert(cutoverCleanupReports).values(row).run();
  for (let i = 0; i < items.length; i += 200) {
    const chunk = items.slice(i, i + 200).map((item) => ({ ...item, reportId: row.id, applied: false }));
    if (chunk.length) db.insert(cutoverCleanupItems).values(chunk).run();
  }
}

export function getReport(db: Exec, id: string): CleanupReportRow | undefined {
  return db.select().from(cutoverCleanupReports).where(eq(cutoverCleanupReports.id, id)).get();
}

export function listReports(db: Exec, limit: number): CleanupReportRow[] {
  return db.select().from(cutoverCleanupReports).orderBy(desc(cutoverCleanupReports.createdAt), desc(sql`rowid`)).limit(limit).all();
}

export function reportItems(db: Exec, reportId: string): CleanupItemRow[] {
  return db.select().from(cutoverCleanupItems).where(eq(cutoverCleanupItems.reportId, reportId)).orderBy(asc(cutoverCleanupItems.id)).all();
}

export function markItemApplied(db: Exec, itemId: number): void {
  db.update(cutoverCleanupItems).set({ applied: true }).where(eq(cutoverCleanupItems.id, itemId)).run();
}

export function updateReport(db: Exec, id: string, patch: Partial<Omit<CleanupReportRow, 'id'>>): CleanupReportRow {
  return db.update(cutoverCleanupReports).set(patch).where(eq(cutoverCleanupReports.id, id)).returning().get();
}

/** Undo of a clean-up: the filing is active again (it was voided by the report, never uploaded by the desk). */
export function reactivateFiling(db: Exec, id: string, at: string): void {
  db.update(filings)
    .set({ status: 'active', updatedAt: at, version: sql`${filings.version} + 1` })
    .where(eq(filings.id, id))
    .run();
}

/** Back-entries' upload entries still waiting (pending), with their paper facts, for ordering. */
export function pendingBackEntryUploads(db: Exec, kind: string) {
  return db
    .select({ entryId: outbox.id, nextAttemptAt: outbox.nextAttemptAt, originalDate: filings.filingDate, paperNo: filings.originRef })
    .from(outbox)
    .innerJoin(filings, eq(filings.id, outbox.orderKey))
    .where(and(eq(filings.origin, 'back_entry'), eq(outbox.status, 'pending'), eq(outbox.kind, kind)))
    .all();
}

/** A report's decisions with the filing and old-system facts the report screen shows. */
export function reportItemsDetailed(db: Exec, reportId: string) {
  return db
    .select({
      id: cutoverCleanupItems.id,
      filingId: cutoverCleanupItems.filingId,
      action: cutoverCleanupItems.action,
      rule: cutoverCleanupItems.rule,
      flagged: cutoverCleanupItems.flagged,
      keptFilingId: cutoverCleanupItems.keptFilingId,
      applied: cutoverCleanupItems.applied,
      personName: filings.personName,
      certNo: filings.certNo,
      type: filings.type,
      status: filings.status,
      originRef: cutoverFilingOrigins.originRef,
      originalDate: cutoverFilingOrigins.originalDate,
      facts: cutoverFilingOrigins.facts,
    })
    .from(cutoverCleanupItems)
    .innerJoin(filings, eq(filings.id, cutoverCleanupItems.filingId))
    .innerJoin(cutoverFilingOrigins, eq(cutoverFilingOrigins.filingId, cutoverCleanupItems.filingId))
    .where(eq(cutoverCleanupItems.reportId, reportId))
    .orderBy(asc(cutoverCleanupItems.id))
    .all();
}

/** Other reports still applied that were applied after this one (undo goes newest first). */
export function laterAppliedReports(db: Exec, id: string): { id: string }[] {
  return db
    .select({ id: cutoverCleanupReports.id })
    .from(cutoverCleanupReports)
    .where(
      and(
        eq(cutoverCleanupReports.status, 'applied'),
        sql`${cutoverCleanupReports.id} <> ${id}`,
        sql`(${cutoverCleanupReports.appliedAt}, rowid) > (SELECT applied_at, rowid FROM cutover_cleanup_reports WHERE id = ${id})`,
      ),
    )
    .all();
}
