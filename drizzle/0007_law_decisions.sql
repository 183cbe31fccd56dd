ALTER TABLE `enforcement_actions` ADD `doc_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `enforcement_actions_doc_number_unique` ON `enforcement_actions` (`doc_number`);