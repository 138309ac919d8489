CREATE TABLE `platform_dictionaries` (
	`type` text NOT NULL,
	`region` text NOT NULL,
	`entries` text NOT NULL,
	`fetched_at` text NOT NULL,
	PRIMARY KEY(`type`, `region`)
);
--> statement-breakpoint
CREATE TABLE `platform_exchanges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`msgid` text NOT NULL,
	`infno` text NOT NULL,
	`operator_id` text,
	`correlation_id` text,
	`started_at` text NOT NULL,
	`finished_at` text,
	`duration_ms` integer,
	`outcome` text,
	`reason` text,
	`http_status` integer,
	`ref_msgid` text,
	`message` text,
	`request_excerpt` text,
	`response_excerpt` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `platform_exchanges_msgid_uq` ON `platform_exchanges` (`msgid`);--> statement-breakpoint
CREATE INDEX `platform_exchanges_started_idx` ON `platform_exchanges` (`started_at`);--> statement-breakpoint
CREATE INDEX `platform_exchanges_correlation_idx` ON `platform_exchanges` (`correlation_id`);--> statement-breakpoint
CREATE TABLE `platform_sign_ins` (
	`operator_id` text NOT NULL,
	`day` text NOT NULL,
	`sign_no` text NOT NULL,
	`signed_at` text NOT NULL,
	`msgid` text NOT NULL,
	PRIMARY KEY(`operator_id`, `day`)
);
