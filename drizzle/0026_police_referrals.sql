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