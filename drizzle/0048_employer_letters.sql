CREATE TABLE `employer_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`direction` text NOT NULL,
	`letter_on` text NOT NULL,
	`other_party` text NOT NULL,
	`subject` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `employer_letters_case_idx` ON `employer_letters` (`case_id`);