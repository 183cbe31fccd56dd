CREATE INDEX `guarantee_uses_used_idx` ON `guarantee_uses` (`used_on`);--> statement-breakpoint
CREATE INDEX `inspection_groups_office_idx` ON `inspection_groups` (`office_id`);--> statement-breakpoint
CREATE INDEX `inspections_group_day_idx` ON `inspections` (`group_id`,`inspected_on`,`persons`,`project_id`);--> statement-breakpoint
CREATE INDEX `risk_points_ended_idx` ON `risk_points` (`status`,`ended_on`);