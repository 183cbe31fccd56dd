ALTER TABLE `blacklist_proceedings` ADD `notice_office_id` integer REFERENCES offices(id);--> statement-breakpoint
ALTER TABLE `blacklist_proceedings` ADD `decision_office_id` integer REFERENCES offices(id);--> statement-breakpoint
ALTER TABLE `personal_data_exports` ADD `office_id` integer REFERENCES offices(id);--> statement-breakpoint
CREATE INDEX `personal_data_exports_office_idx` ON `personal_data_exports` (`office_id`,`id`);--> statement-breakpoint
ALTER TABLE `personal_data_views` ADD `office_id` integer REFERENCES offices(id);--> statement-breakpoint
CREATE INDEX `personal_data_views_office_idx` ON `personal_data_views` (`office_id`,`id`);