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
CREATE INDEX `decision_remedies_outcome_idx` ON `decision_remedies` (`outcome`,`outcome_on`);