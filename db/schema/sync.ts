import { sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

/**
 * Scheduled platform maintenance (a cut-over like Hefei's 2021-11-30 18:00 -> 2021-12-12 08:00,
 * seed 001). Times are ISO instants (UTC). The upload queue holds while a window is open. Windows
 * are never deleted: cancelling one stamps `cancelled_at`.
 */
export const maintenanceWindows = sqliteTable(
  'maintenance_windows',
  {
    id: text('id').primaryKey(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    note: text('note').notNull(),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
    cancelledAt: text('cancelled_at'),
    cancelledBy: text('cancelled_by'),
  },
  (t) => [index('maintenance_windows_ends_idx').on(t.endsAt)],
);

/**
 * What the platform holds for a filing, as far as the desk knows: kept so the filing can be
 * cancelled (2502) later even when the serial is still unknown after a reconciliation
 * (nhsa-interface.md §2.10: 5304 may not return it). One row per uploaded filing.
 */
export const platformFilings = sqliteTable(
  'platform_filings',
  {
    filingId: text('filing_id').primaryKey(),
    /** The platform's filing serial; null while "已上传，流水号待补". */
    serial: text('serial'),
    personNo: text('person_no').notNull(),
    insuredRegion: text('insured_region').notNull(),
    /** How the desk learned of the upload: the platform's answer, a reconciliation query, or an operator. */
    source: text('source', { enum: ['response', 'reconciled', 'operator'] }).notNull(),
    /** The matching query record, when found by reconciliation. */
    record: text('record', { mode: 'json' }).$type<Record<string, unknown>>(),
    uploadedAt: text('uploaded_at').notNull(),
    cancelledAt: text('cancelled_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('platform_filings_serial_idx').on(t.serial), index('platform_filings_person_idx').on(t.personNo)],
);
