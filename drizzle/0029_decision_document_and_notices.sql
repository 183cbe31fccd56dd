CREATE TABLE `case_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`doc_number` text,
	`issued_on` text NOT NULL,
	`body` text NOT NULL,
	`addressee` text DEFAULT '' NOT NULL,
	`issued_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_notices_doc_number_unique` ON `case_notices` (`doc_number`);--> statement-breakpoint
CREATE INDEX `case_notices_case_idx` ON `case_notices` (`case_id`,`kind`);--> statement-breakpoint
CREATE TABLE `decision_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`owed_fen` integer NOT NULL,
	`compensation_fen` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `enforcement_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `case_workers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decision_lines_action_worker_idx` ON `decision_lines` (`action_id`,`worker_id`);--> statement-breakpoint
ALTER TABLE `police_referrals` ADD `doc_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `police_referrals_doc_number_unique` ON `police_referrals` (`doc_number`);