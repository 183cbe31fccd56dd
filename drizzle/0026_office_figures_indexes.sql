DROP INDEX `cases_open_clocks_idx`;--> statement-breakpoint
DROP INDEX `cases_closed_figures_idx`;--> statement-breakpoint
DROP INDEX `cases_received_figures_idx`;--> statement-breakpoint
DROP INDEX `cases_escalated_idx`;--> statement-breakpoint
CREATE INDEX `cases_office_open_clocks_idx` ON `cases` (`office_id`,`state`,`target_due_on`,`acceptance_due_on`,`statutory_due_on`,`extension_days`,`lead_inspector_id`,`district`);--> statement-breakpoint
CREATE INDEX `cases_office_closed_figures_idx` ON `cases` (`office_id`,`closed_on`,`lead_inspector_id`,`working_days_taken`,`target_due_on`,`outcome`,`district`,`is_construction`,`workers_helped`,`recovered_fen`) WHERE closed_on is not null;--> statement-breakpoint
CREATE INDEX `cases_office_received_figures_idx` ON `cases` (`office_id`,`received_on`,`channel`,`district`,`is_construction`);--> statement-breakpoint
CREATE INDEX `cases_office_escalated_idx` ON `cases` (`office_id`,`escalated_at`) WHERE escalated_at is not null;