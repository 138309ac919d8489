import type Database from 'better-sqlite3';
import { and, desc, eq, getTableName, sql } from 'drizzle-orm';
import type { FilingDetail, FilingOrigin, FilingStatus, FilingSummary, FilingType, ReviewStatus, UploadState } from '../../shared/domain/filing';
import type { ExistingFiling } from '../../shared/domain/policy';
import type { CertType, InsuranceType } from '../../shared/domain/insurance';
import { maskIdNumber } from '../../shared/domain/idcard';
import { regionLabel } from '../../shared/domain/regions';
import { businessDate } from '../../shared/domain/time';
import { auditEvents, dailyCounters, filings, outbox } from '../schema';
import type { DeskDb } from '../open';
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
    origin: row.origin,
    originRef: row.originRef,
    // Rows saved before filing_date existed hold ''; their filing date is the day they were saved.
    filingDate: row.filingDate || businessDate(new Date(row.createdAt)),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

export function toDetail(row: Row): FilingDetail {
  return { ...toSummary(row), certNo: row.certNo, details: row.details, reviewNote: row.reviewNote, updatedAt: row.updatedAt };
}

/** Inserts a filing row as given; a row without `filingDate` gets the CST business date of its `createdAt`. */
export function insertFiling(db: Exec, row: NewFilingRow): FilingDetail {
  const filingDate = row.filingDate || businessDate(new Date(row.createdAt));
  return toDetail(db.insert(filings).values({ ...row, filingDate }).returning().get());
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
    // '+status': SQLite must search the person's index, not walk every active filing by the status index.
    .where(and(eq(filings.certNo, certNo.trim().toUpperCase()), sql`+${filings.status} = 'active'`))
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

// ---------------------------------------------------------------------------------------------------
// The create hot path (issue 5): prepared once per connection, used inside the group commit's
// transaction. drizzle builds and prepares each statement per call, which the profile showed.

export { FILING_ORIGINS } from '../../shared/domain/filing';
export type { FilingOrigin };

/** A filing row as the create path writes it (every column named, nothing left to defaults). */
export interface NewFiling {
  id: string;
  localNo: string;
  type: FilingType;
  insuranceType: string;
  certType: string;
  certNo: string;
  personName: string;
  nameInitials: string;
  phone: string | null;
  destinationRegion: string | null;
  startDate: string;
  endDate: string | null;
  details: Record<string, unknown>;
  reviewStatus: ReviewStatus;
  createdBy: string;
  createdAt: string;
  origin: FilingOrigin;
  originRef: string | null;
  filingDate: string;
}

interface HotStatements {
  insert: Database.Statement;
  activeOfPerson: Database.Statement;
}

const hotStatements = new WeakMap<Database.Database, HotStatements>();

function hot(sqlite: Database.Database): HotStatements {
  let s = hotStatements.get(sqlite);
  if (!s) {
    s = {
      insert: sqlite.prepare(
        `insert into filings (id, local_no, type, insurance_type, cert_type, cert_no, person_name, name_initials, phone,
           destination_region, start_date, end_date, details, status, upload_state, platform_serial, review_status, review_note,
           created_by, created_at, updated_at, version, origin, origin_ref, filing_date)
         values (@id, @localNo, @type, @insuranceType, @certType, @certNo, @personName, @nameInitials, @phone,
           @destinationRegion, @startDate, @endDate, @details, 'active', 'pending', null, @reviewStatus, null,
           @createdBy, @createdAt, @createdAt, 1, @origin, @originRef, @filingDate)`,
      ),
      // '+status': the person's index, never a walk over every active filing by the status index.
      activeOfPerson: sqlite.prepare(
        `select id, local_no as localNo, type, cert_no as certNo, start_date as startDate, end_date as endDate, status
           from filings where cert_no = ? and +status = 'active'`,
      ),
    };
    hotStatements.set(sqlite, s);
  }
  return s;
}

/**
 * The other rows a filing create writes — its local number's counter, its audit row, its outbox row —
 * as better-sqlite3 statements prepared once per connection. The rows are exactly what nextDailyValue,
 * appendAudit and enqueue (db/repositories counters, audit, outbox) write through drizzle, encoded the
 * way drizzle encodes them (JSON columns stringified, `before` null); a drizzle prepared query cost
 * ~20 µs more per create in placeholder filling and value mapping (docs/performance.md).
 */
function buildCreateWrites(sqlite: Database.Database) {
  return {
    nextCounter: sqlite.prepare(
      `insert into ${getTableName(dailyCounters)} (scope, day, value) values (?, ?, 1)
         on conflict (scope, day) do update set value = value + 1 returning value`,
    ),
    audit: sqlite.prepare(
      `insert into ${getTableName(auditEvents)} (at, operator_id, action, entity_type, entity_id, before, after) values (?, ?, ?, ?, ?, null, ?)`,
    ),
    enqueue: sqlite.prepare(
      `insert into ${getTableName(outbox)} (id, kind, order_key, payload, status, next_attempt_at, created_at, updated_at)
         values (?, ?, ?, ?, 'pending', ?, ?, ?)`,
    ),
  };
}

const createWrites = new WeakMap<Database.Database, ReturnType<typeof buildCreateWrites>>();

function writes(db: DeskDb): ReturnType<typeof buildCreateWrites> {
  // drizzle's better-sqlite3 driver keeps its connection as `$client` (not on the DeskDb type).
  const sqlite = (db as DeskDb & { $client: Database.Database }).$client;
  let w = createWrites.get(sqlite);
  if (!w) {
    w = buildCreateWrites(sqlite);
    createWrites.set(sqlite, w);
  }
  return w;
}

/** nextDailyValue (db/repositories/counters.ts), prepared: increments and returns the counter for (scope, day). */
export function nextDailyValuePrepared(db: DeskDb, scope: string, day: string): number {
  return (writes(db).nextCounter.get(scope, day) as { value: number }).value;
}

/** appendAudit (db/repositories/audit.ts) for the create path, prepared; no `before`. */
export function appendCreateAudit(db: DeskDb, entry: { at: string; operatorId: string | null; action: string; entityType: string; entityId: string; after: unknown }): void {
  writes(db).audit.run(entry.at, entry.operatorId, entry.action, entry.entityType, entry.entityId, JSON.stringify(entry.after));
}

/** enqueue (db/repositories/outbox.ts) for the create path, prepared: a pending entry due now. */
export function enqueuePrepared(db: DeskDb, entry: { id: string; kind: string; orderKey: string; payload: Record<string, unknown> }, at: string): void {
  writes(db).enqueue.run(entry.id, entry.kind, entry.orderKey, JSON.stringify(entry.payload), at, at, at);
}

/** Inserts a new filing (status active, upload pending) with a prepared statement; returns its detail without reading it back. */
export function insertNewFiling(sqlite: Database.Database, f: NewFiling): FilingDetail {
  hot(sqlite).insert.run({ ...f, details: JSON.stringify(f.details) });
  return toDetail({
    ...f,
    status: 'active',
    uploadState: 'pending',
    platformSerial: null,
    reviewNote: null,
    updatedAt: f.createdAt,
    version: 1,
  });
}

/** The person's active filings for the overlap check (prepared; cert numbers are stored upper-case). */
export function activeFilingsOfPerson(sqlite: Database.Database, certNo: string): ExistingFiling[] {
  return hot(sqlite).activeOfPerson.all(certNo.trim().toUpperCase()) as ExistingFiling[];
}

// ---------------------------------------------------------------------------------------------------
// Search and list (issue 5). The query is classified first and runs as one indexed condition; the
// page is chosen from the index alone (rowids), then only its rows are read; the total is counted
// up to a cap instead of over every match.

/** What the search box holds, decided from its shape (see classifyFilingQuery). */
export type FilingQueryKind = 'local_no' | 'id_or_serial' | 'cert_or_serial' | 'serial' | 'name' | 'initials';

/** Totals are counted up to this many matches; beyond it the list says "more than". */
export const LIST_TOTAL_CAP = 2000;

const LOCAL_NO = /^\d{8}-[0-9A-Za-z]*$/;
const ID_PREFIX = /^\d{1,17}[\dXx]?$/;
const DIGITS = /^\d+$/;
const CJK = /[\u3400-\u9fff]/;
const LATIN = /^[A-Za-z]+$/;
const CERT_OR_SERIAL = /^[0-9A-Za-z]+$/;

/**
 * Decides which one column a search means. `20261123-…` is a local number; up to 18 digits (an X last)
 * an ID number or its prefix — or, whole, a platform serial, which is also digits; longer digit runs a
 * platform serial; Chinese a name (prefix); latin letters pinyin initials (prefix); other letters and
 * digits a certificate number of another kind (prefix) or a platform serial.
 */
export function classifyFilingQuery(query: string): FilingQueryKind {
  if (LOCAL_NO.test(query)) return 'local_no';
  if (ID_PREFIX.test(query)) return 'id_or_serial';
  if (DIGITS.test(query)) return 'serial';
  if (CJK.test(query)) return 'name';
  if (LATIN.test(query)) return 'initials';
  if (CERT_OR_SERIAL.test(query)) return 'cert_or_serial';
  return 'name';
}

export interface FilingFilter {
  query?: string | undefined;
  type?: FilingType | undefined;
  status?: FilingStatus | undefined;
  uploadState?: UploadState | undefined;
  /** Filing date range, CST business dates (YYYY-MM-DD), both ends included. */
  filedFrom?: string | undefined;
  filedTo?: string | undefined;
  /** The operator who saved the filing. */
  operatorId?: string | undefined;
  page: number;
  pageSize: number;
}

/** Newest first; rowid (insertion order) breaks ties and is the last column of every index. */
const ORDER = 'filing_date desc, created_at desc, rowid desc';

/** One search term: an indexed condition with its parameters. */
interface Term {
  where: string;
  params: unknown[];
}

function prefixTerm(column: string, value: string): Term {
  return { where: `${column} >= ? and ${column} < ?`, params: [value, `${value}\u{10FFFF}`] };
}

function searchTerms(query: string): Term[] {
  switch (classifyFilingQuery(query)) {
    case 'local_no':
      return [prefixTerm('local_no', query.toUpperCase())];
    case 'id_or_serial':
      return [prefixTerm('cert_no', query.toUpperCase()), { where: 'platform_serial = ?', params: [query] }];
    case 'serial':
      return [{ where: 'platform_serial = ?', params: [query] }];
    case 'cert_or_serial':
      return [prefixTerm('cert_no', query.toUpperCase()), { where: 'platform_serial = ?', params: [query] }];
    case 'initials':
      return [prefixTerm('name_initials', query.toLowerCase())];
    case 'name':
      return [prefixTerm('person_name', query)];
  }
}

function filterTerm(filter: FilingFilter): Term {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown): void => {
    where.push(clause);
    params.push(value);
  };
  if (filter.type) add('type = ?', filter.type);
  if (filter.status) add('status = ?', filter.status);
  if (filter.uploadState) add('upload_state = ?', filter.uploadState);
  if (filter.filedFrom) add('filing_date >= ?', filter.filedFrom);
  if (filter.filedTo) add('filing_date <= ?', filter.filedTo);
  if (filter.operatorId) add('created_by = ?', filter.operatorId);
  return { where: where.join(' and '), params };
}

const listStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Statements per query shape (a handful of shapes: the kind and which filters are set). */
function cached(sqlite: Database.Database, text: string): Database.Statement {
  let byText = listStatements.get(sqlite);
  if (!byText) {
    byText = new Map();
    listStatements.set(sqlite, byText);
  }
  let stmt = byText.get(text);
  if (!stmt) {
    stmt = sqlite.prepare(text);
    byText.set(text, stmt);
  }
  return stmt;
}

export interface FilingPage {
  /** Matches counted up to LIST_TOTAL_CAP. */
  total: number;
  /** True when there are more matches than `total`. */
  totalCapped: boolean;
  items: FilingSummary[];
}

/** The statements a list runs: its matches (one select per term, a UNION ALL of them) and their parameters. */
function listQuery(filter: FilingFilter): { matches: string; params: unknown[] } {
  const q = filter.query?.trim();
  const filters = filterTerm(filter);
  const terms = q ? searchTerms(q) : [{ where: '', params: [] }];
  // Each term alone uses its index; several (an ID prefix or a whole serial) are a UNION ALL of
  // those, each later term excluding what an earlier one matched (so no row comes twice and SQLite
  // needs no temporary table to remove duplicates).
  const selects = terms.map((t, i) => {
    const earlier = terms.slice(0, i);
    const where = [t.where, ...earlier.map((e) => `not (${e.where})`), filters.where].filter((w) => w !== '').join(' and ');
    return {
      text: `select rowid as rid, filing_date, created_at from filings${where ? ` where ${where}` : ''}`,
      params: [...t.params, ...earlier.flatMap((e) => e.params), ...filters.params],
    };
  });
  return { matches: selects.map((s) => s.text).join(' union all '), params: selects.flatMap((s) => s.params) };
}

const PAGE_ORDER = 'order by filing_date desc, created_at desc, rid desc limit ? offset ?';

/** SQLite's plan for a list's page and its capped count (docs and the index tests read it). */
export function explainListFilings(sqlite: Database.Database, filter: FilingFilter): string[] {
  const { matches, params } = listQuery(filter);
  const plan = (text: string, ...extra: unknown[]) =>
    (sqlite.prepare(`explain query plan ${text}`).all(...params, ...extra) as { detail: string }[]).map((r) => r.detail);
  return [...plan(`${matches} ${PAGE_ORDER}`, filter.pageSize, 0), ...plan(`select count(*) as n from (${matches} limit ?)`, LIST_TOTAL_CAP + 1)];
}

export function listFilings(sqlite: Database.Database, filter: FilingFilter): FilingPage {
  const { matches, params } = listQuery(filter);
  const offset = (filter.page - 1) * filter.pageSize;
  const pageIds = cached(sqlite, `${matches} ${PAGE_ORDER}`)
    .all(...params, filter.pageSize, offset)
    .map((r) => (r as { rid: number }).rid);
  const counted = (cached(sqlite, `select count(*) as n from (${matches} limit ?)`).get(...params, LIST_TOTAL_CAP + 1) as { n: number }).n;
  let items: FilingSummary[] = [];
  if (pageIds.length > 0) {
    const rows = cached(sqlite, `select * from filings where rowid in (select value from json_each(?)) order by ${ORDER}`).all(JSON.stringify(pageIds));
    items = rows.map((r) => toSummary(rowOfSql(r as SqlRow)));
  }
  return { total: Math.min(counted, LIST_TOTAL_CAP), totalCapped: counted > LIST_TOTAL_CAP, items };
}

type SqlRow = Record<string, unknown>;

/** A raw `select *` row as drizzle's Row (snake_case to camelCase; details parsed). */
function rowOfSql(r: SqlRow): Row {
  return {
    id: r.id as string,
    localNo: r.local_no as string,
    type: r.type as string,
    insuranceType: r.insurance_type as string,
    certType: r.cert_type as string,
    certNo: r.cert_no as string,
    personName: r.person_name as string,
    nameInitials: r.name_initials as string,
    phone: r.phone as string | null,
    destinationRegion: r.destination_region as string | null,
    startDate: r.start_date as string,
    endDate: r.end_date as string | null,
    details: JSON.parse(r.details as string) as Record<string, unknown>,
    status: r.status as Row['status'],
    uploadState: r.upload_state as string,
    platformSerial: r.platform_serial as string | null,
    reviewStatus: r.review_status as Row['reviewStatus'],
    reviewNote: r.review_note as string | null,
    createdBy: r.created_by as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    version: r.version as number,
    origin: r.origin as Row['origin'],
    originRef: r.origin_ref as string | null,
    filingDate: r.filing_date as string,
  };
}
