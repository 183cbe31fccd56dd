CREATE TABLE `case_office_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`from_office_id` integer NOT NULL,
	`to_office_id` integer NOT NULL,
	`kind` text NOT NULL,
	`on_date` text NOT NULL,
	`reason` text NOT NULL,
	`actor_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_office_moves_case_idx` ON `case_office_moves` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_office_moves_from_idx` ON `case_office_moves` (`from_office_id`,`id`);--> statement-breakpoint
CREATE TABLE `divisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`code` text,
	`office_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `divisions_name_unique` ON `divisions` (`name`);--> statement-breakpoint
CREATE INDEX `divisions_office_idx` ON `divisions` (`office_id`);--> statement-breakpoint
CREATE TABLE `offices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`doc_prefix` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offices_name_unique` ON `offices` (`name`);--> statement-breakpoint
DROP INDEX `document_sequences_pk`;--> statement-breakpoint
ALTER TABLE `document_sequences` ADD `office_id` integer REFERENCES offices(id);--> statement-breakpoint
CREATE UNIQUE INDEX `document_sequences_office_pk` ON `document_sequences` (`office_id`,`kind`,`year`);--> statement-breakpoint
ALTER TABLE `cases` ADD `division_id` integer REFERENCES divisions(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `office_id` integer REFERENCES offices(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `arrived_by` text DEFAULT 'routed' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `arrived_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `acknowledge_due_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `acknowledged_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `acknowledged_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `designation_requested_on` text;--> statement-breakpoint
CREATE INDEX `cases_office_open_urgent_idx` ON `cases` (`office_id`,`urgent_due_on`) WHERE urgent_due_on is not null;--> statement-breakpoint
CREATE INDEX `cases_office_state_closed_idx` ON `cases` (`office_id`,`state`,`closed_on`);--> statement-breakpoint
CREATE INDEX `cases_office_unacknowledged_idx` ON `cases` (`office_id`,`acknowledge_due_on`) WHERE acknowledged_at is null;--> statement-breakpoint
CREATE INDEX `cases_designation_requested_idx` ON `cases` (`designation_requested_on`) WHERE designation_requested_on is not null;--> statement-breakpoint
ALTER TABLE `users` ADD `office_id` integer REFERENCES offices(id);