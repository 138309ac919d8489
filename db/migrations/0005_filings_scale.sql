DROP INDEX `filings_created_at_idx`;--> statement-breakpoint
DROP INDEX `filings_type_status_start_idx`;--> statement-breakpoint
DROP INDEX `filings_cert_no_idx`;--> statement-breakpoint
DROP INDEX `filings_person_name_idx`;--> statement-breakpoint
DROP INDEX `filings_name_initials_idx`;--> statement-breakpoint
ALTER TABLE `filings` ADD `origin` text DEFAULT 'desk' NOT NULL;--> statement-breakpoint
ALTER TABLE `filings` ADD `origin_ref` text;--> statement-breakpoint
ALTER TABLE `filings` ADD `filing_date` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `filings` SET `filing_date` = date(`created_at`, '+8 hours') WHERE `filing_date` = '';--> statement-breakpoint
CREATE INDEX `filings_filing_date_idx` ON `filings` (`filing_date`,`created_at`);--> statement-breakpoint
CREATE INDEX `filings_created_by_idx` ON `filings` (`created_by`,`filing_date`,`created_at`);--> statement-breakpoint
CREATE INDEX `filings_type_status_filed_idx` ON `filings` (`type`,`status`,`filing_date`,`created_at`);--> statement-breakpoint
CREATE INDEX `filings_origin_ref_idx` ON `filings` (`origin_ref`) WHERE origin_ref is not null;--> statement-breakpoint
CREATE INDEX `filings_cert_no_idx` ON `filings` (`cert_no`,`filing_date`,`created_at`);--> statement-breakpoint
CREATE INDEX `filings_person_name_idx` ON `filings` (`person_name`,`filing_date`,`created_at`);--> statement-breakpoint
CREATE INDEX `filings_name_initials_idx` ON `filings` (`name_initials`,`filing_date`,`created_at`);