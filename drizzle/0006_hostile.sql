CREATE TABLE `login_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`locked_until` integer,
	`last_failure_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_throttles_last_idx` ON `login_throttles` (`last_failure_at`);--> statement-breakpoint
CREATE TABLE `personal_data_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`page` text NOT NULL,
	`viewed_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `personal_data_views_case_idx` ON `personal_data_views` (`case_id`,`viewed_at`);--> statement-breakpoint
CREATE INDEX `personal_data_views_time_idx` ON `personal_data_views` (`viewed_at`);--> statement-breakpoint
ALTER TABLE `cases` ADD `possible_duplicate_of` integer;--> statement-breakpoint
ALTER TABLE `task_force_tasks` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `case_workers_phone_idx` ON `case_workers` (`phone`);