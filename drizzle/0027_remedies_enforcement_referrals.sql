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
CREATE TABLE `decision_remedies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	`kind` text NOT NULL,
	`filed_on` text NOT NULL,
	`body` text NOT NULL,
	`case_number` text NOT NULL,
	`outcome` text,
	`outcome_on` text,
	`outcome_note` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `enforcement_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decision_remedies_action_idx` ON `decision_remedies` (`action_id`);--> statement-breakpoint
CREATE INDEX `decision_remedies_outcome_idx` ON `decision_remedies` (`outcome`,`outcome_on`);--> statement-breakpoint
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
CREATE UNIQUE INDEX `demand_notices_doc_number_unique` ON `demand_notices` (`doc_number`);--> statement-breakpoint
CREATE TABLE `police_referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`action_id` integer NOT NULL,
	`materials` text NOT NULL,
	`received_on` text,
	`answer` text,
	`answer_on` text,
	`review_requested_on` text,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `enforcement_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `police_referrals_action_id_unique` ON `police_referrals` (`action_id`);--> statement-breakpoint
CREATE INDEX `police_referrals_answer_idx` ON `police_referrals` (`answer`,`answer_on`);