DROP INDEX `projects_office_missing_idx`;--> statement-breakpoint
DROP INDEX `projects_missing_idx`;--> statement-breakpoint
CREATE INDEX `projects_office_missing_idx` ON `projects` (`office_id`,"missing_count" desc,`name`);--> statement-breakpoint
CREATE INDEX `projects_missing_idx` ON `projects` ("missing_count" desc,`name`);--> statement-breakpoint
CREATE INDEX `emergency_fund_movements_recovery_idx` ON `emergency_fund_movements` (`office_id`,`kind`,`advance_id`,`amount_fen`);