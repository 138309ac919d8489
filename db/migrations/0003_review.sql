ALTER TABLE `filings` ADD `review_status` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `filings` ADD `review_note` text;--> statement-breakpoint
CREATE INDEX `filings_review_status_idx` ON `filings` (`review_status`,`created_at`);--> statement-breakpoint
CREATE INDEX `filings_type_status_start_idx` ON `filings` (`type`,`status`,`start_date`);