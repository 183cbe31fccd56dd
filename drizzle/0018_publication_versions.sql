ALTER TABLE `blacklist_proceedings` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `violation_batches` ADD `version` integer DEFAULT 1 NOT NULL;