ALTER TABLE `blacklist_proceedings` ADD `removal_number` text;--> statement-breakpoint
ALTER TABLE `blacklist_proceedings` ADD `removal_office_id` integer REFERENCES offices(id);--> statement-breakpoint
CREATE UNIQUE INDEX `blacklist_proceedings_removal_number_unique` ON `blacklist_proceedings` (`removal_number`);