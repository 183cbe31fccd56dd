CREATE TABLE `personal_data_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`filter` text NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`exported_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `personal_data_exports_time_idx` ON `personal_data_exports` (`exported_at`);