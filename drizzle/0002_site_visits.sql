CREATE TABLE `site_visit_inspectors` (
	`visit_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `site_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `site_visit_inspectors_pk` ON `site_visit_inspectors` (`visit_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `site_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`visited_at` integer NOT NULL,
	`place` text NOT NULL,
	`people_questioned` text NOT NULL,
	`findings` text NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `site_visits_case_idx` ON `site_visits` (`case_id`);--> statement-breakpoint
ALTER TABLE `evidence` ADD `visit_id` integer REFERENCES site_visits(id);--> statement-breakpoint
ALTER TABLE `evidence` ADD `voided_at` integer;--> statement-breakpoint
ALTER TABLE `evidence` ADD `voided_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `evidence` ADD `void_reason` text;