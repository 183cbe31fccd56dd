CREATE TABLE `blacklist_objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proceeding_id` integer NOT NULL,
	`party_key` text NOT NULL,
	`objection_on` text NOT NULL,
	`text` text NOT NULL,
	`answered_on` text,
	`answer` text,
	`answered_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`proceeding_id`) REFERENCES `blacklist_proceedings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `blacklist_objections_party_idx` ON `blacklist_objections` (`proceeding_id`,`party_key`);--> statement-breakpoint
CREATE TABLE `document_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`document` text NOT NULL,
	`document_id` integer NOT NULL,
	`document_number` text NOT NULL,
	`party_key` text NOT NULL,
	`party_name` text NOT NULL,
	`method` text NOT NULL,
	`served_on` text NOT NULL,
	`receiver` text DEFAULT '' NOT NULL,
	`witnesses` text DEFAULT '' NOT NULL,
	`tracking_number` text DEFAULT '' NOT NULL,
	`consent` integer DEFAULT false NOT NULL,
	`published_on` text,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_services_party_idx` ON `document_services` (`document`,`document_id`,`party_key`);--> statement-breakpoint
CREATE INDEX `document_services_case_idx` ON `document_services` (`case_id`);--> statement-breakpoint
ALTER TABLE `blacklist_proceedings` ADD `late_reason` text;