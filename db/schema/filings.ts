import { sql } from 'drizzle-orm';
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
    /** Where the filing came from: typed at the desk, a paper filing entered afterwards (补录), or the old system's export (cut-over). */
    origin: text('origin', { enum: ['desk', 'back_entry', 'import'] }).notNull().default('desk'),
    /** The paper form's number or the old system's id, for back entries and imports. */
    originRef: text('origin_ref'),
    /**
     * The CST business date the filing was made (YYYY-MM-DD): the day it was saved for desk filings, the
     * original filing date for back entries and imports. Lists sort newest first and filter by it.
     */
    filingDate: text('filing_date').notNull().default(''),
  },
  (t) => [
    uniqueIndex('filings_local_no_uq').on(t.localNo),
    // Search indexes end with the list order (filing_date, created_at; rowid is implicit) so an exact
    // match pages without a sort and a prefix match sorts from the index alone (docs/filings.md).
    index('filings_cert_no_idx').on(t.certNo, t.filingDate, t.createdAt),
    index('filings_person_name_idx').on(t.personName, t.filingDate, t.createdAt),
    index('filings_name_initials_idx').on(t.nameInitials, t.filingDate, t.createdAt),
    index('filings_platform_serial_idx').on(t.platformSerial),
    // Status and upload-state filters page in list order from these (docs/filings.md "Search and list").
    index('filings_status_filed_idx').on(t.status, t.filingDate, t.createdAt),
    index('filings_upload_state_filed_idx').on(t.uploadState, t.filingDate, t.createdAt),
    index('filings_filing_date_idx').on(t.filingDate, t.createdAt),
    index('filings_created_by_idx').on(t.createdBy, t.filingDate, t.createdAt),
    index('filings_review_status_idx').on(t.reviewStatus, t.createdAt),
    index('filings_type_status_filed_idx').on(t.type, t.status, t.filingDate, t.createdAt),
    index('filings_origin_ref_idx').on(t.originRef).where(sql`origin_ref is not null`),
  ],
);
