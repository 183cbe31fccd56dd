CREATE TABLE `emergency_advance_workers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`advance_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`advance_id`) REFERENCES `emergency_advances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `case_workers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `emergency_advance_workers_unique` ON `emergency_advance_workers` (`advance_id`,`worker_id`);--> statement-breakpoint
CREATE INDEX `emergency_advance_workers_worker_idx` ON `emergency_advance_workers` (`worker_id`);--> statement-breakpoint
CREATE TABLE `emergency_advances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`office_id` integer NOT NULL,
	`status` text DEFAULT 'applied' NOT NULL,
	`applied_on` text NOT NULL,
	`reason` text NOT NULL,
	`recover_from` text NOT NULL,
	`recover_from_name` text NOT NULL,
	`total_fen` integer NOT NULL,
	`applied_by_id` integer,
	`decided_on` text,
	`decision_note` text DEFAULT '' NOT NULL,
	`decided_by_id` integer,
	`paid_on` text,
	`recovery_due_on` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applied_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `emergency_advances_case_idx` ON `emergency_advances` (`case_id`);--> statement-breakpoint
CREATE INDEX `emergency_advances_office_idx` ON `emergency_advances` (`office_id`,`status`,`paid_on`);--> statement-breakpoint
CREATE TABLE `emergency_fund_movements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`balance_fen` integer NOT NULL,
	`occurred_on` text NOT NULL,
	`advance_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`advance_id`) REFERENCES `emergency_advances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `emergency_fund_movements_office_idx` ON `emergency_fund_movements` (`office_id`,`id`);--> statement-breakpoint
CREATE INDEX `emergency_fund_movements_office_period_idx` ON `emergency_fund_movements` (`office_id`,`occurred_on`,`kind`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `emergency_fund_movements_advance_idx` ON `emergency_fund_movements` (`advance_id`);