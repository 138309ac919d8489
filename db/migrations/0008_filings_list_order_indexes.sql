DROP INDEX `filings_status_start_idx`;--> statement-breakpoint
DROP INDEX `filings_upload_state_idx`;--> statement-breakpoint
CREATE INDEX `filings_status_filed_idx` ON `filings` (`status`,`filing_date`,`created_at`);--> statement-breakpoint
CREATE INDEX `filings_upload_state_filed_idx` ON `filings` (`upload_state`,`filing_date`,`created_at`);