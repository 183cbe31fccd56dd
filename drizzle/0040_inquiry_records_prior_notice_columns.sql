CREATE TABLE `inquiry_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`interviewee_role` text NOT NULL,
	`interviewee_name` text NOT NULL,
	`interviewee_id_number` text DEFAULT '' NOT NULL,
	`interviewee_detail` text DEFAULT '' NOT NULL,
	`place` text NOT NULL,
	`started_at` text NOT NULL,
	`ended_at` text NOT NULL,
	`first_inspector_id` integer NOT NULL,
	`first_certificate` text NOT NULL,
	`second_inspector_id` integer NOT NULL,
	`second_certificate` text NOT NULL,
	`questions_and_answers` text NOT NULL,
	`signature` text NOT NULL,
	`refusal_note` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`first_inspector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_inspector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inquiry_records_case_idx` ON `inquiry_records` (`case_id`);--> statement-breakpoint
ALTER TABLE `prior_notices` DROP COLUMN `served_on`;--> statement-breakpoint
ALTER TABLE `prior_notices` DROP COLUMN `service_method`;--> statement-breakpoint
ALTER TABLE `prior_notices` DROP COLUMN `statement_due_on`;