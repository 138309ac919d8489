import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Destination institutions the platform returned for 1201 queries (nhsa-interface.md §2.3), kept so the
 * picker answers offline. One row per institution code; `fetched_at` is when a query last returned it.
 */
export const lookupInstitutions = sqliteTable(
  'lookup_institutions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** Pinyin initials of the name, for search (shared/domain/pinyin.ts). */
    initials: text('initials').notNull(),
    regionCode: text('region_code'),
    level: text('level'),
    kind: text('kind').notNull(),
    fetchedAt: text('fetched_at').notNull(),
  },
  (t) => [index('lookup_institutions_initials_idx').on(t.initials), index('lookup_institutions_region_idx').on(t.regionCode)],
);

/** What each 1201 query returned and when (the cache's provenance; newest kept per query). */
export const lookupInstitutionQueries = sqliteTable('lookup_institution_queries', {
  /** The normalised query: "name:<text>" or "code:<code>". */
  queryKey: text('query_key').primaryKey(),
  codes: text('codes', { mode: 'json' }).notNull().$type<string[]>(),
  fetchedAt: text('fetched_at').notNull(),
});

/** The diagnosis catalogue downloaded from the platform. */
export const lookupDiagnoses = sqliteTable(
  'lookup_diagnoses',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    initials: text('initials').notNull(),
    fetchedAt: text('fetched_at').notNull(),
  },
  (t) => [index('lookup_diagnoses_initials_idx').on(t.initials)],
);

/** When each catalogue was last downloaded in full ('diagnoses', 'institutions'). */
export const lookupCatalogues = sqliteTable('lookup_catalogues', {
  catalogue: text('catalogue').primaryKey(),
  refreshedAt: text('refreshed_at').notNull(),
  count: integer('count').notNull(),
});

/**
 * The platform check (1101) of a filing whose person was entered by hand while the platform was
 * unreachable. One row per such filing; the background job moves `pending` to a result.
 */
export const personVerifications = sqliteTable(
  'person_verifications',
  {
    filingId: text('filing_id').primaryKey(),
    state: text('state', { enum: ['pending', 'verified', 'mismatch', 'not_found'] }).notNull(),
    /** [{field, label, entered, platform}] when the platform's record differs. */
    mismatches: text('mismatches', { mode: 'json' }).notNull().$type<{ field: string; label: string; entered: string | null; platform: string | null }[]>(),
    /** What the platform knows the person as, once found (人员编号, 参保地). */
    personNo: text('person_no'),
    insuredRegion: text('insured_region'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Earliest time of the next attempt (ISO) while pending. */
    nextAttemptAt: text('next_attempt_at'),
    checkedAt: text('checked_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('person_verifications_state_idx').on(t.state, t.nextAttemptAt)],
);

/** Small persistent cursors of the lookup jobs (e.g. the last filing rowid scanned for verification). */
export const lookupCursors = sqliteTable('lookup_cursors', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});
