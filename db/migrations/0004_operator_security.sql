ALTER TABLE `operators` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `operators` ADD `failed_logins` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `operators` ADD `locked_until` text;--> statement-breakpoint
ALTER TABLE `operators` ADD `last_login_at` text;