CREATE TABLE `court_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	`applied_on` text NOT NULL,
	`court` text NOT NULL,
	`result` text,
	`result_on` text,
	`executed_fen` integer,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `enforcement_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `court_applications_action_id_unique` ON `court_applications` (`action_id`);--> statement-breakpoint
CREATE INDEX `court_applications_result_idx` ON `court_applications` (`result`,`result_on`);--> statement-breakpoint
CREATE TABLE `demand_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	`doc_number` text NOT NULL,
	`issued_on` text NOT NULL,
	`unpaid_fen` integer NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `enforcement_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `demand_notices_action_id_unique` ON `demand_notices` (`action_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `demand_notices_doc_number_unique` ON `demand_notices` (`doc_number`);