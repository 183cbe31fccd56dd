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
CREATE UNIQUE INDEX `decision_lines_action_worker_idx` ON `decision_lines` (`action_id`,`worker_id`);