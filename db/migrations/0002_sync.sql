CREATE TABLE `maintenance_windows` (
	`id` text PRIMARY KEY NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`note` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`cancelled_at` text,
	`cancelled_by` text
);
--> statement-breakpoint
CREATE INDEX `maintenance_windows_ends_idx` ON `maintenance_windows` (`ends_at`);--> statement-breakpoint
CREATE TABLE `platform_filings` (
	`filing_id` text PRIMARY KEY NOT NULL,
	`serial` text,
	`person_no` text NOT NULL,
	`insured_region` text NOT NULL,
	`source` text NOT NULL,
	`record` text,
	`uploaded_at` text NOT NULL,
	`cancelled_at` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `platform_filings_serial_idx` ON `platform_filings` (`serial`);--> statement-breakpoint
CREATE INDEX `platform_filings_person_idx` ON `platform_filings` (`person_no`);