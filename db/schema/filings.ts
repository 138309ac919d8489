import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Filings. Columns the desk searches and lists by are real columns with indexes
 * (architecture §4); what differs per filing type lives in `details` (JSON).
 */
export const filings = sqliteTable(
  'filings',
  {
    id: text('id').primaryKey(),
    localNo: text('local_no').notNull(),
    type: text('type').notNull(),
    insuranceType: text('insurance_type').notNull(),
    certType: text('cert_type').notNull(),
    certNo: text('cert_no').notNull(),
    personName: text('person_name').notNull(),
    nameInitials: text('name_initials').notNull(),
    phone: text('phone'),
    destinationRegion: text('destination_region'),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    details: text('details', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    status: text('status', { enum: ['active', 'voided'] }).notNull().default('active'),
    uploadState: text('upload_state').notNull().default('pending'),
    platformSerial: text('platform_serial'),
    /** 复核 (issue 5): 'none' where the profile has no review step; pending filings are not queued. */
    reviewStatus: text('review_status', { enum: ['none', 'pending_review', 'approved', 'returned'] }).notNull().default('none'),
    /** The reviewer's reason when returned (shown to the operator). */
    reviewNote: text('review_note'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('filings_local_no_uq').on(t.localNo),
    index('filings_cert_no_idx').on(t.certNo),
    index('filings_person_name_idx').on(t.personName),
    index('filings_name_initials_idx').on(t.nameInitials),
    index('filings_platform_serial_idx').on(t.platformSerial),
    index('filings_status_start_idx').on(t.status, t.startDate),
    index('filings_upload_state_idx').on(t.uploadState),
    index('filings_created_at_idx').on(t.createdAt),
    index('filings_review_status_idx').on(t.reviewStatus, t.createdAt),
    index('filings_type_status_start_idx').on(t.type, t.status, t.startDate),
  ],
);
