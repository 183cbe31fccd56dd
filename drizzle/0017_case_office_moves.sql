CREATE TABLE `case_office_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`from_office_id` integer NOT NULL,
	`to_office_id` integer NOT NULL,
	`kind` text NOT NULL,
	`on_date` text NOT NULL,
	`reason` text NOT NULL,
	`actor_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_office_moves_case_idx` ON `case_office_moves` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_office_moves_from_idx` ON `case_office_moves` (`from_office_id`,`id`);