CREATE TABLE `outbox_counts` (
	`status` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_status_updated_idx` ON `outbox` (`status`,`updated_at`);--> statement-breakpoint
INSERT INTO `outbox_counts` (`status`, `n`) SELECT `status`, count(*) FROM `outbox` GROUP BY `status`;--> statement-breakpoint
CREATE TRIGGER `outbox_counts_insert` AFTER INSERT ON `outbox` BEGIN
  INSERT INTO `outbox_counts` (`status`, `n`) VALUES (NEW.`status`, 1) ON CONFLICT (`status`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `outbox_counts_update` AFTER UPDATE OF `status` ON `outbox` WHEN OLD.`status` <> NEW.`status` BEGIN
  UPDATE `outbox_counts` SET `n` = `n` - 1 WHERE `status` = OLD.`status`;
  INSERT INTO `outbox_counts` (`status`, `n`) VALUES (NEW.`status`, 1) ON CONFLICT (`status`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `outbox_counts_delete` AFTER DELETE ON `outbox` BEGIN
  UPDATE `outbox_counts` SET `n` = `n` - 1 WHERE `status` = OLD.`status`;
END;
