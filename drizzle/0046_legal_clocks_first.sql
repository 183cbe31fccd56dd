ALTER TABLE `cases` DROP COLUMN `urgent_due_on`;--> statement-breakpoint
ALTER TABLE `cases` ADD `urgent_due_on` text GENERATED ALWAYS AS ((case when state in ('received', 'mediating') then acceptance_due_on
        when state = 'awaiting_supplement' then target_due_on
        when state = 'filed' then coalesce(statutory_due_on, target_due_on) end)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `cases` DROP COLUMN `urgent_clock`;--> statement-breakpoint
ALTER TABLE `cases` ADD `urgent_clock` text GENERATED ALWAYS AS ((case when state in ('received', 'mediating') then 'acceptance'
        when state = 'awaiting_supplement' then 'target'
        when state = 'filed' then (case when statutory_due_on is null then 'target' else 'statutory' end) end)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `cases_open_target_idx` ON `cases` (`target_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
ALTER TABLE `payments` ADD `method` text;