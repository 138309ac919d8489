CREATE TABLE `daily_counters` (
	`scope` text NOT NULL,
	`day` text NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`scope`, `day`)
);
--> statement-breakpoint
CREATE TABLE `institution` (
	`id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`region_code` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `operators` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_username_uq` ON `operators` (`username`);--> statement-breakpoint
CREATE TABLE `filings` (
	`id` text PRIMARY KEY NOT NULL,
	`local_no` text NOT NULL,
	`type` text NOT NULL,
	`insurance_type` text NOT NULL,
	`cert_type` text NOT NULL,
	`cert_no` text NOT NULL,
	`person_name` text NOT NULL,
	`name_initials` text NOT NULL,
	`phone` text,
	`destination_region` text,
	`start_date` text NOT NULL,
	`end_date` text,
	`details` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`upload_state` text DEFAULT 'pending' NOT NULL,
	`platform_serial` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `filings_local_no_uq` ON `filings` (`local_no`);--> statement-breakpoint
CREATE INDEX `filings_cert_no_idx` ON `filings` (`cert_no`);--> statement-breakpoint
CREATE INDEX `filings_person_name_idx` ON `filings` (`person_name`);--> statement-breakpoint
CREATE INDEX `filings_name_initials_idx` ON `filings` (`name_initials`);--> statement-breakpoint
CREATE INDEX `filings_platform_serial_idx` ON `filings` (`platform_serial`);--> statement-breakpoint
CREATE INDEX `filings_status_start_idx` ON `filings` (`status`,`start_date`);--> statement-breakpoint
CREATE INDEX `filings_upload_state_idx` ON `filings` (`upload_state`);--> statement-breakpoint
CREATE INDEX `filings_created_at_idx` ON `filings` (`created_at`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`operator_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_events` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`order_key` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts_started` integer DEFAULT 0 NOT NULL,
	`attempts_finished` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`platform_ref` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_id_uq` ON `outbox` (`id`);--> statement-breakpoint
CREATE INDEX `outbox_status_next_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_order_key_idx` ON `outbox` (`order_key`,`seq`);--> statement-breakpoint
CREATE TABLE `outbox_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`msgid` text,
	`duration_ms` integer,
	`outcome` text,
	`message` text,
	`excerpt` text
);
--> statement-breakpoint
CREATE INDEX `outbox_attempts_entry_idx` ON `outbox_attempts` (`entry_id`);