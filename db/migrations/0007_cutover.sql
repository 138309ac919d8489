CREATE TABLE `cutover_cleanup_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` text NOT NULL,
	`filing_id` text NOT NULL,
	`action` text NOT NULL,
	`rule` text NOT NULL,
	`flagged` integer NOT NULL,
	`kept_filing_id` text,
	`applied` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cutover_cleanup_items_report_idx` ON `cutover_cleanup_items` (`report_id`,`id`);--> statement-breakpoint
CREATE TABLE `cutover_cleanup_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`options` text NOT NULL,
	`summary` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`applied_by` text,
	`applied_at` text,
	`include_flagged` integer,
	`undone_by` text,
	`undone_at` text
);
--> statement-breakpoint
CREATE TABLE `cutover_filing_origins` (
	`filing_id` text PRIMARY KEY NOT NULL,
	`origin` text NOT NULL,
	`origin_ref` text NOT NULL,
	`original_date` text NOT NULL,
	`batch_id` text,
	`facts` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cutover_filing_origins_ref_uq` ON `cutover_filing_origins` (`origin`,`origin_ref`);--> statement-breakpoint
CREATE INDEX `cutover_filing_origins_batch_idx` ON `cutover_filing_origins` (`batch_id`);--> statement-breakpoint
CREATE TABLE `cutover_import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`encoding` text,
	`mapping` text NOT NULL,
	`row_count` integer NOT NULL,
	`imported_count` integer NOT NULL,
	`errors` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `platform_profile_setting` (
	`id` text PRIMARY KEY NOT NULL,
	`profile_id` text NOT NULL,
	`base_url` text,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
