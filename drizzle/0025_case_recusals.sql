CREATE TABLE `case_recusals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`requested_on` text NOT NULL,
	`applicant` text NOT NULL,
	`inspector_id` integer NOT NULL,
	`reason` text NOT NULL,
	`recorded_by_id` integer,
	`decision` text,
	`decision_reason` text,
	`decided_on` text,
	`decided_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_recusals_case_idx` ON `case_recusals` (`case_id`);