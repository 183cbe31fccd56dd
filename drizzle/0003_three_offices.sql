CREATE TABLE `document_sequences` (
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_sequences_pk` ON `document_sequences` (`kind`,`year`);--> statement-breakpoint
CREATE TABLE `enforcement_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`kind` text NOT NULL,
	`rate_percent` integer,
	`amount_fen` integer,
	`decided_on` text NOT NULL,
	`agency` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `payment_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enforcement_actions_case_idx` ON `enforcement_actions` (`case_id`);--> statement-breakpoint
CREATE TABLE `mediations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`session_on` text NOT NULL,
	`place` text NOT NULL,
	`worker_side` text NOT NULL,
	`employer_side` text NOT NULL,
	`worker_statement` text NOT NULL,
	`employer_statement` text NOT NULL,
	`result` text NOT NULL,
	`pay_by` text,
	`payment_method` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mediations_case_idx` ON `mediations` (`case_id`);--> statement-breakpoint
CREATE TABLE `payment_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`doc_number` text NOT NULL,
	`issued_on` text NOT NULL,
	`pay_by` text NOT NULL,
	`facts` text NOT NULL,
	`issued_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_orders_doc_number_unique` ON `payment_orders` (`doc_number`);--> statement-breakpoint
CREATE INDEX `payment_orders_case_idx` ON `payment_orders` (`case_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`paid_on` text NOT NULL,
	`proof_evidence_id` integer,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `settlement_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `case_workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proof_evidence_id`) REFERENCES `evidence`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_case_idx` ON `payments` (`case_id`);--> statement-breakpoint
CREATE TABLE `settlement_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`source` text NOT NULL,
	`source_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`worker_confirmed_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `case_workers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `settlement_items_case_idx` ON `settlement_items` (`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `settlement_items_unique` ON `settlement_items` (`source`,`source_id`,`worker_id`);--> statement-breakpoint
CREATE TABLE `task_force_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`request` text NOT NULL,
	`assigned_on` text NOT NULL,
	`working_days` integer NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`answer` text DEFAULT '' NOT NULL,
	`more_time_reason` text DEFAULT '' NOT NULL,
	`answered_at` integer,
	`answered_by_id` integer,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `member_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_force_tasks_unit_idx` ON `task_force_tasks` (`unit_id`,`status`);--> statement-breakpoint
CREATE INDEX `task_force_tasks_case_idx` ON `task_force_tasks` (`case_id`);--> statement-breakpoint
ALTER TABLE `case_workers` ADD `recovered_fen` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `blacklist_candidate` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `escalated_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `escalation_grounds` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `escalation_reason` text;--> statement-breakpoint
ALTER TABLE `evidence` ADD `task_id` integer REFERENCES task_force_tasks(id);