// The lookup caches (1201 institutions, the diagnosis catalogue) and the person verifications.
import { and, asc, eq, lte, or, sql, type SQLWrapper } from 'drizzle-orm';
import { lookupCatalogues, lookupCursors, lookupDiagnoses, lookupInstitutionQueries, lookupInstitutions, personVerifications } from '../schema';
import type { Exec } from './types';

export interface CachedInstitution {
  code: string;
  name: string;
  initials: string;
  regionCode: string | null;
  level: string | null;
  kind: string;
}

export function saveInstitutions(db: Exec, queryKey: string, rows: CachedInstitution[], at: string): void {
  for (const row of rows) {
    db.insert(lookupInstitutions)
      .values({ ...row, fetchedAt: at })
      .onConflictDoUpdate({ target: lookupInstitutions.code, set: { name: row.name, initials: row.initials, regionCode: row.regionCode, level: row.level, kind: row.kind, fetchedAt: at } })
      .run();
  }
  const codes = rows.map((r) => r.code);
  db.insert(lookupInstitutionQueries)
    .values({ queryKey, codes, fetchedAt: at })
    .onConflictDoUpdate({ target: lookupInstitutionQueries.queryKey, set: { codes, fetchedAt: at } })
    .run();
}

/** LIKE with the user's text taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function likeEsc(column: SQLWrapper, pattern: string) {
  return sql`${column} like ${pattern} escape '\\'`;
}

/**
 * Cached institutions matching a code prefix, a name substring or pinyin initials (prefix), optionally
 * within a region prefix; exact code first, then by code. An empty query lists the region's.
 */
export function searchInstitutions(db: Exec, q: { text: string; initials: string; regionPrefix?: string; limit: number }): CachedInstitution[] {
  const t = escapeLike(q.text);
  const conditions = [];
  if (q.text !== '') {
    const any = [likeEsc(lookupInstitutions.code, `${t.toUpperCase()}%`), likeEsc(lookupInstitutions.name, `%${t}%`)];
    if (q.initials !== '') any.push(likeEsc(lookupInstitutions.initials, `${escapeLike(q.initials)}%`));
    conditions.push(or(...any));
  }
  if (q.regionPrefix) conditions.push(likeEsc(lookupInstitutions.regionCode, `${escapeLike(q.regionPrefix)}%`));
  return db
    .select({
      code: lookupInstitutions.code,
      name: lookupInstitutions.name,
      initials: lookupInstitutions.initials,
      regionCode: lookupInstitutions.regionCode,
      level: lookupInstitutions.level,
      kind: lookupInstitutions.kind,
    })
    .from(lookupInstitutions)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(sql`${lookupInstitutions.code} = ${q.text.toUpperCase()} desc`, asc(lookupInstitutions.code))
    .limit(q.limit)
    .all();
}

/** The most recently asked 1201 queries, for a refresh. */
export function recentInstitutionQueries(db: Exec, limit: number): string[] {
  return db
    .select({ key: lookupInstitutionQueries.queryKey })
    .from(lookupInstitutionQueries)
    .orderBy(sql`${lookupInstitutionQueries.fetchedAt} desc`)
    .limit(limit)
    .all()
    .map((r) => r.key);
}

export interface CachedDiagnosis {
  code: string;
  name: string;
  initials: string;
}

/** Replaces the whole catalogue (the caller's transaction) with what was just downloaded (codes unique). */
export function replaceDiagnoses(db: Exec, rows: CachedDiagnosis[], at: string): void {
  db.delete(lookupDiagnoses).run();
  // Multi-row inserts: a national catalogue has tens of thousands of rows.
  for (let i = 0; i < rows.length; i += 500) {
    db.insert(lookupDiagnoses)
      .values(rows.slice(i, i + 500).map((row) => ({ ...row, fetchedAt: at })))
      .run();
  }
}

/** The rows whose text column starts with `prefix`, by that column's index (a range, not LIKE). */
function prefixRange(column: SQLWrapper, prefix: string) {
  return and(sql`${column} >= ${prefix}`, sql`${column} < ${`${prefix}\uffff`}`);
}

const DIAGNOSIS_COLUMNS = { code: lookupDiagnoses.code, name: lookupDiagnoses.name, initials: lookupDiagnoses.initials };

/**
 * Code prefix (primary key range), then pinyin-initials prefix (its index), then name substring (a scan
 * that stops at the limit): in that order, without duplicates. Each tier is ordered by code.
 */
export function searchDiagnoses(db: Exec, q: { text: string; initials: string; limit: number }): CachedDiagnosis[] {
  if (q.text === '') return db.select(DIAGNOSIS_COLUMNS).from(lookupDiagnoses).orderBy(asc(lookupDiagnoses.code)).limit(q.limit).all();
  const out = new Map<string, CachedDiagnosis>();
  const take = (rows: CachedDiagnosis[]) => {
    for (const r of rows) if (out.size < q.limit && !out.has(r.code)) out.set(r.code, r);
  };
  const byCode = (a: CachedDiagnosis, b: CachedDiagnosis) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  take(db.select(DIAGNOSIS_COLUMNS).from(lookupDiagnoses).where(prefixRange(lookupDiagnoses.code, q.text.toUpperCase())).orderBy(asc(lookupDiagnoses.code)).limit(q.limit).all());
  if (q.initials !== '' && out.size < q.limit) {
    take(db.select(DIAGNOSIS_COLUMNS).from(lookupDiagnoses).where(prefixRange(lookupDiagnoses.initials, q.initials)).limit(q.limit).all().sort(byCode));
  }
  if (out.size < q.limit) {
    // instr() rather than LIKE: a plain substring test, several times cheaper over a full scan.
    take(db.select(DIAGNOSIS_COLUMNS).from(lookupDiagnoses).where(sql`instr(${lookupDiagnoses.name}, ${q.text}) > 0`).limit(q.limit).all().sort(byCode));
  }
  return [...out.values()];
}

export type CatalogueName = 'diagnoses' | 'institutions';

export function markCatalogueRefreshed(db: Exec, catalogue: CatalogueName, count: number, at: string): void {
  db.insert(lookupCatalogues)
    .values({ catalogue, refreshedAt: at, count })
    .onConflictDoUpdate({ target: lookupCatalogues.catalogue, set: { refreshedAt: at, count } })
    .run();
}

/** Rows stored and the last refresh time per catalogue (institutions: the newest 1201 answer). */
export function catalogueStatus(db: Exec): Record<CatalogueName, { count: number; refreshedAt: string | null }> {
  const diag = db.select({ n: sql<number>`count(*)` }).from(lookupDiagnoses).get()?.n ?? 0;
  const inst = db.select({ n: sql<number>`count(*)`, at: sql<string | null>`max(${lookupInstitutions.fetchedAt})` }).from(lookupInstitutions).get();
  const diagRefreshed = db.select().from(lookupCatalogues).where(eq(lookupCatalogues.catalogue, 'diagnoses')).get();
  return {
    diagnoses: { count: diag, refreshedAt: diagRefreshed?.refreshedAt ?? null },
    institutions: { count: inst?.n ?? 0, refreshedAt: inst?.at ?? null },
  };
}

// --- person verification ---------------------------------------------------------------------

export interface VerificationMismatch {
  field: string;
  label: string;
  entered: string | null;
  platform: string | null;
}

export type VerificationRow = typeof personVerifications.$inferSelect;

export function getVerification(db: Exec, filingId: string): VerificationRow | undefined {
  return db.select().from(personVerifications).where(eq(personVerifications.filingId, filingId)).get();
}

export function addPendingVerification(db: Exec, filingId: string, at: string): void {
  db.insert(personVerifications)
    .values({ filingId, state: 'pending', mismatches: [], attempts: 0, nextAttemptAt: at, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .run();
}

export function duePendingVerifications(db: Exec, now: string, limit: number): VerificationRow[] {
  return db
    .select()
    .from(personVerifications)
    .where(and(eq(personVerifications.state, 'pending'), or(sql`${personVerifications.nextAttemptAt} is null`, lte(personVerifications.nextAttemptAt, now))))
    .orderBy(asc(personVerifications.nextAttemptAt))
    .limit(limit)
    .all();
}

export function countPendingVerifications(db: Exec): number {
  return db.select({ n: sql<number>`count(*)` }).from(personVerifications).where(eq(personVerifications.state, 'pending')).get()?.n ?? 0;
}

export function updateVerification(db: Exec, filingId: string, set: Partial<Omit<VerificationRow, 'filingId' | 'createdAt'>>, at: string): void {
  db.update(personVerifications)
    .set({ ...set, updatedAt: at })
    .where(eq(personVerifications.filingId, filingId))
    .run();
}

export function getCursor(db: Exec, name: string): number {
  return db.select().from(lookupCursors).where(eq(lookupCursors.name, name)).get()?.value ?? 0;
}

export function setCursor(db: Exec, name: string, value: number): void {
  db.insert(lookupCursors).values({ name, value }).onConflictDoUpdate({ target: lookupCursors.name, set: { value } }).run();
}

export interface ScannedFiling {
  rowid: number;
  id: string;
  certType: string;
  /** desk, back_entry or import (the cut-over's old-system records). */
  origin: string;
  details: Record<string, unknown>;
}

/** Filings saved after `rowid` (in save order), with what tells a looked-up person from a typed one. */
export function filingsAfter(db: Exec, rowid: number, limit: number): ScannedFiling[] {
  const rows = db.all<{ rowid: number; id: string; cert_type: string; origin: string; details: string }>(
    sql`select rowid as rowid, id, cert_type, origin, details from filings where rowid > ${rowid} order by rowid limit ${limit}`,
  );
  return rows.map((r) => ({ rowid: r.rowid, id: r.id, certType: r.cert_type, origin: r.origin, details: parseDetails(r.details) }));
}

function parseDetails(raw: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Where a filing came from (desk, back_entry, import); undefined for an unknown id. */
export function filingOrigin(db: Exec, id: string): string | undefined {
  return db.get<{ origin: string } | undefined>(sql`select origin from filings where id = ${id}`)?.origin;
}
