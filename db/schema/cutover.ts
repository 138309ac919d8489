import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The desk's platform profile (issue 7, cut-over support): which provincial interface profile and
 * which address the upload queue files to. One row, id 'active'; without it the start-up
 * configuration (DESK_PLATFORM_PROFILE / --platform-url) applies. Credentials are never stored here.
 */
export const platformProfileSetting = sqliteTable('platform_profile_setting', {
  id: text('id').primaryKey(),
  profileId: text('profile_id').notNull(),
  /** null: the address the desk was started with (the simulator in training mode). */
  baseUrl: text('base_url'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * Where a filing came from when not entered at the desk: a back-entry (补录) of a paper filing issued
 * during downtime, or an import from the old system's export. Keyed by filing id; the origin
 * reference (paper number / old-system id) is unique per origin, so nothing is entered twice.
 */
export const cutoverFilingOrigins = sqliteTable(
  'cutover_filing_origins',
  {
    filingId: text('filing_id').primaryKey(),
    origin: text('origin', { enum: ['back_entry', 'import'] }).notNull(),
    originRef: text('origin_ref').notNull(),
    /** The day the filing was originally issued (paper date, old system's filing date). */
    originalDate: text('original_date').notNull(),
    batchId: text('batch_id'),
    /** Import: the old system's facts the clean-up rules read (settled, uploaded, special population, …). */
    facts: text('facts', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('cutover_filing_origins_ref_uq').on(t.origin, t.originRef), index('cutover_filing_origins_batch_idx').on(t.batchId)],
);

/** One import of an old system's export file: what was read, what was imported, every bad row. */
export const cutoverImportBatches = sqliteTable('cutover_import_batches', {
  id: text('id').primaryKey(),
  fileName: text('file_name').notNull(),
  format: text('format').notNull(),
  encoding: text('encoding'),
  mapping: text('mapping', { mode: 'json' }).notNull().$type<Record<string, number | null>>(),
  rowCount: integer('row_count').notNull(),
  importedCount: integer('imported_count').notNull(),
  errors: text('errors', { mode: 'json' }).notNull().$type<unknown[]>(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

/** A clean-up report (seed 001 二(一)7): computed as a dry run, applied, and undone from here. */
export const cutoverCleanupReports = sqliteTable('cutover_cleanup_reports', {
  id: text('id').primaryKey(),
  status: text('status', { enum: ['draft', 'applied', 'undone'] }).notNull(),
  options: text('options', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  summary: text('summary', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  appliedBy: text('applied_by'),
  appliedAt: text('applied_at'),
  includeFlagged: integer('include_flagged', { mode: 'boolean' }),
  undoneBy: text('undone_by'),
  undoneAt: text('undone_at'),
});

/** One decision of a report; `applied` marks the filings the report actually changed (what undo restores). */
export const cutoverCleanupItems = sqliteTable(
  'cutover_cleanup_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: text('report_id').notNull(),
    filingId: text('filing_id').notNull(),
    action: text('action', { enum: ['invalidate', 'keep'] }).notNull(),
    rule: text('rule').notNull(),
    flagged: integer('flagged', { mode: 'boolean' }).notNull(),
    keptFilingId: text('kept_filing_id'),
    applied: integer('applied', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('cutover_cleanup_items_report_idx').on(t.reportId, t.id)],
);
