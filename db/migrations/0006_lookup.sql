CREATE TABLE `lookup_catalogues` (
	`catalogue` text PRIMARY KEY NOT NULL,
	`refreshed_at` text NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lookup_cursors` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lookup_diagnoses` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`initials` text NOT NULL,
	`fetched_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lookup_diagnoses_initials_idx` ON `lookup_diagnoses` (`initials`);--> statement-breakpoint
CREATE TABLE `lookup_institution_queries` (
	`query_key` text PRIMARY KEY NOT NULL,
	`codes` text NOT NULL,
	`fetched_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lookup_institutions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`initials` text NOT NULL,
	`region_code` text,
	`level` text,
	`kind` text NOT NULL,
	`fetched_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lookup_institutions_initials_idx` ON `lookup_institutions` (`initials`);--> statement-breakpoint
CREATE INDEX `lookup_institutions_region_idx` ON `lookup_institutions` (`region_code`);--> statement-breakpoint
CREATE TABLE `person_verifications` (
	`filing_id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`mismatches` text NOT NULL,
	`person_no` text,
	`insured_region` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` text,
	`checked_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `person_verifications_state_idx` ON `person_verifications` (`state`,`next_attempt_at`);--> statement-breakpoint
-- Filings saved before this migration are not verified after the fact: the verification scan starts here.
INSERT INTO `lookup_cursors` (`name`, `value`) SELECT 'verification.scan', coalesce(max(rowid), 0) FROM `filings`;
