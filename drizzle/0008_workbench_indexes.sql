CREATE TABLE `inspector_open_cases` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`open_cases` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `urgent_due_on` text GENERATED ALWAYS AS ((case when state in ('received', 'mediating') then min(acceptance_due_on, target_due_on)
        when state = 'awaiting_supplement' then target_due_on
        when state = 'filed' then min(target_due_on, coalesce(statutory_due_on, target_due_on)) end)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `cases` ADD `urgent_clock` text GENERATED ALWAYS AS ((case when state in ('received', 'mediating') then (case when acceptance_due_on <= target_due_on then 'acceptance' else 'target' end)
        when state = 'awaiting_supplement' then 'target'
        when state = 'filed' then (case when statutory_due_on < target_due_on then 'statutory' else 'target' end) end)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `cases_open_urgent_idx` ON `cases` (`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_state_urgent_idx` ON `cases` (`state`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_lead_urgent_idx` ON `cases` (`lead_inspector_id`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_second_urgent_idx` ON `cases` (`second_inspector_id`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_district_urgent_idx` ON `cases` (`district`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_channel_urgent_idx` ON `cases` (`channel`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_registrar_urgent_idx` ON `cases` (`registered_by_id`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_state_closed_idx` ON `cases` (`state`,`closed_on`);--> statement-breakpoint
CREATE INDEX `cases_acceptance_start_idx` ON `cases` (`acceptance_start_on`);--> statement-breakpoint
CREATE INDEX `cases_filed_on_idx` ON `cases` (`filed_on`) WHERE filed_on is not null;--> statement-breakpoint
CREATE INDEX `cases_mediating_acceptance_idx` ON `cases` (`acceptance_due_on`) WHERE state = 'mediating';--> statement-breakpoint
CREATE INDEX `cases_filed_statutory_idx` ON `cases` (`statutory_due_on`) WHERE state = 'filed';--> statement-breakpoint
CREATE INDEX `payments_item_idx` ON `payments` (`item_id`);--> statement-breakpoint
CREATE INDEX `payments_worker_idx` ON `payments` (`worker_id`);