ALTER TABLE `cases` ADD `recovered_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `workers_helped` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `cases_open_clocks_idx` ON `cases` (`state`,`target_due_on`,`acceptance_due_on`,`statutory_due_on`,`extension_days`,`lead_inspector_id`,`district`);--> statement-breakpoint
CREATE INDEX `cases_closed_figures_idx` ON `cases` (`closed_on`,`lead_inspector_id`,`working_days_taken`,`target_due_on`,`outcome`,`district`,`is_construction`,`workers_helped`,`recovered_fen`) WHERE closed_on is not null;--> statement-breakpoint
CREATE INDEX `cases_received_figures_idx` ON `cases` (`received_on`,`channel`,`district`,`is_construction`);--> statement-breakpoint
CREATE INDEX `cases_escalated_idx` ON `cases` (`escalated_at`) WHERE escalated_at is not null;--> statement-breakpoint
CREATE INDEX `enforcement_actions_kind_idx` ON `enforcement_actions` (`kind`,`decided_on`);--> statement-breakpoint
CREATE INDEX `task_force_tasks_status_idx` ON `task_force_tasks` (`status`,`due_on`);