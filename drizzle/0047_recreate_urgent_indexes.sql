-- Custom migration (issue 21 item 1): the indexes dropped before the urgent columns were redefined, as they were.
CREATE INDEX `cases_open_urgent_idx` ON `cases` (`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_urgent_clock_idx` ON `cases` (`urgent_due_on`,`urgent_clock`,`extension_days`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_state_urgent_idx` ON `cases` (`state`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_lead_urgent_idx` ON `cases` (`lead_inspector_id`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_second_urgent_idx` ON `cases` (`second_inspector_id`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_district_urgent_idx` ON `cases` (`district`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_channel_urgent_idx` ON `cases` (`channel`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_open_registrar_urgent_idx` ON `cases` (`registered_by_id`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_office_open_urgent_idx` ON `cases` (`office_id`,`urgent_due_on`) WHERE urgent_due_on is not null;
