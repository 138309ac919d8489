import { and, asc, desc, eq, gt, isNull, lte } from 'drizzle-orm';
import { maintenanceWindows, platformFilings } from '../schema';
import type { Exec } from './types';

export interface MaintenanceWindow {
  id: string;
  startsAt: string;
  endsAt: string;
  note: string;
  createdBy: string | null;
  createdAt: string;
  cancelledAt: string | null;
  cancelledBy: string | null;
}

export function insertWindow(db: Exec, value: Omit<MaintenanceWindow, 'cancelledAt' | 'cancelledBy'>): MaintenanceWindow {
  return db.insert(maintenanceWindows).values(value).returning().get();
}

export function getWindow(db: Exec, id: string): MaintenanceWindow | undefined {
  return db.select().from(maintenanceWindows).where(eq(maintenanceWindows.id, id)).get();
}

export function cancelWindow(db: Exec, id: string, at: string, by: string | null): MaintenanceWindow {
  return db
    .update(maintenanceWindows)
    .set({ cancelledAt: at, cancelledBy: by })
    .where(eq(maintenanceWindows.id, id))
    .returning()
    .get();
}

/** Every window, the latest start first (cancelled ones included: nothing is deleted). */
export function listWindows(db: Exec): MaintenanceWindow[] {
  return db.select().from(maintenanceWindows).orderBy(desc(maintenanceWindows.startsAt)).all();
}

/** The window open at `now` (the one ending last, if several overlap). */
export function openWindowAt(db: Exec, now: string): MaintenanceWindow | undefined {
  return db
    .select()
    .from(maintenanceWindows)
    .where(and(isNull(maintenanceWindows.cancelledAt), lte(maintenanceWindows.startsAt, now), gt(maintenanceWindows.endsAt, now)))
    .orderBy(desc(maintenanceWindows.endsAt))
    .get();
}

/** The next window that has not started yet. */
export function nextWindowAfter(db: Exec, now: string): MaintenanceWindow | undefined {
  return db
    .select()
    .from(maintenanceWindows)
    .where(and(isNull(maintenanceWindows.cancelledAt), gt(maintenanceWindows.startsAt, now)))
    .orderBy(asc(maintenanceWindows.startsAt))
    .get();
}

export interface PlatformFiling {
  filingId: string;
  serial: string | null;
  personNo: string;
  insuredRegion: string;
  source: 'response' | 'reconciled' | 'operator';
  record: Record<string, unknown> | null;
  uploadedAt: string;
  cancelledAt: string | null;
  updatedAt: string;
}

export function getPlatformFiling(db: Exec, filingId: string): PlatformFiling | undefined {
  return db.select().from(platformFilings).where(eq(platformFilings.filingId, filingId)).get();
}

export function savePlatformFiling(db: Exec, value: Omit<PlatformFiling, 'cancelledAt' | 'updatedAt'>, at: string): void {
  const row = { ...value, updatedAt: at };
  db.insert(platformFilings)
    .values(row)
    .onConflictDoUpdate({ target: platformFilings.filingId, set: row })
    .run();
}

export function setPlatformSerial(db: Exec, filingId: string, serial: string, source: PlatformFiling['source'], at: string): void {
  db.update(platformFilings).set({ serial, source, updatedAt: at }).where(eq(platformFilings.filingId, filingId)).run();
}

export function markPlatformCancelled(db: Exec, filingId: string, at: string): void {
  db.update(platformFilings).set({ cancelledAt: at, updatedAt: at }).where(eq(platformFilings.filingId, filingId)).run();
}

/** Platform filings of one person (to tell this filing's record from the person's others). */
export function platformFilingsOfPerson(db: Exec, personNo: string): PlatformFiling[] {
  return db.select().from(platformFilings).where(eq(platformFilings.personNo, personNo)).all();
}
