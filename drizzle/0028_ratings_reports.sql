CREATE TABLE `case_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`office_id` integer NOT NULL,
	`inspector_id` integer,
	`level` text NOT NULL,
	`reasons` text DEFAULT '' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`first_rated_on` text NOT NULL,
	`rated_on` text NOT NULL,
	`rated_at` integer NOT NULL,
	`followup_opened_on` text,
	`followup_due_on` text,
	`followup_done_on` text,
	`followup_by_id` integer,
	`called_on` text,
	`reached` integer,
	`findings` text,
	`justified` integer,
	`rectification` text,
	`answer` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `case_workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`followup_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_ratings_worker_idx` ON `case_ratings` (`case_id`,`worker_id`);--> statement-breakpoint
CREATE INDEX `case_ratings_office_rated_idx` ON `case_ratings` (`office_id`,`rated_on`,`inspector_id`,`level`,`followup_done_on`,`justified`,`rectification`);--> statement-breakpoint
CREATE INDEX `case_ratings_followup_idx` ON `case_ratings` (`office_id`,`followup_due_on`,`followup_done_on`) WHERE followup_due_on is not null;--> statement-breakpoint
CREATE TABLE `case_sources` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`report_id` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_sequences` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_number` text NOT NULL,
	`query_code` text NOT NULL,
	`channel` text NOT NULL,
	`filing_token` text,
	`received_on` text NOT NULL,
	`employer_name` text NOT NULL,
	`employer_address` text DEFAULT '' NOT NULL,
	`district` text NOT NULL,
	`division_id` integer,
	`office_id` integer NOT NULL,
	`what_seen` text NOT NULL,
	`reporter_name` text,
	`reporter_contact` text,
	`registered_by_id` integer,
	`inspector_id` integer,
	`state` text NOT NULL,
	`verify_due_on` text NOT NULL,
	`decided_on` text,
	`decided_by_id` integer,
	`result` text,
	`case_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`division_id`) REFERENCES `divisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_report_number_unique` ON `reports` (`report_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_filing_token_unique` ON `reports` (`filing_token`);--> statement-breakpoint
CREATE INDEX `reports_office_state_idx` ON `reports` (`office_id`,`state`,`verify_due_on`);--> statement-breakpoint
CREATE INDEX `reports_case_idx` ON `reports` (`case_id`);