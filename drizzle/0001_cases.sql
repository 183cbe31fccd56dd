CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`on_date` text NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`note` text DEFAULT '' NOT NULL,
	`public_step` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`id`);--> statement-breakpoint
CREATE INDEX `case_events_action_idx` ON `case_events` (`action`,`on_date`);--> statement-breakpoint
CREATE TABLE `case_sequences` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `case_workers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`name` text NOT NULL,
	`sex` text NOT NULL,
	`age` integer NOT NULL,
	`id_number` text NOT NULL,
	`phone` text NOT NULL,
	`hometown` text DEFAULT '' NOT NULL,
	`occupation` text DEFAULT '' NOT NULL,
	`work_period` text DEFAULT '' NOT NULL,
	`claimed_fen` integer NOT NULL,
	`is_representative` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_workers_case_idx` ON `case_workers` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_workers_name_idx` ON `case_workers` (`name`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_number` text NOT NULL,
	`query_code` text NOT NULL,
	`channel` text NOT NULL,
	`platform_clue_no` text,
	`received_on` text NOT NULL,
	`state` text NOT NULL,
	`outcome` text,
	`facts` text NOT NULL,
	`claim` text NOT NULL,
	`employer_name` text NOT NULL,
	`employer_uscc` text,
	`employer_legal_rep` text DEFAULT '' NOT NULL,
	`employer_address` text DEFAULT '' NOT NULL,
	`district` text NOT NULL,
	`is_construction` integer DEFAULT false NOT NULL,
	`project_name` text DEFAULT '' NOT NULL,
	`project_address` text DEFAULT '' NOT NULL,
	`general_contractor` text DEFAULT '' NOT NULL,
	`subcontractor` text DEFAULT '' NOT NULL,
	`team_leader` text DEFAULT '' NOT NULL,
	`registered_by_id` integer,
	`lead_inspector_id` integer,
	`second_inspector_id` integer,
	`assigned_at` integer,
	`acceptance_start_on` text NOT NULL,
	`decided_on` text,
	`filed_on` text,
	`extension_days` integer DEFAULT 0 NOT NULL,
	`extension_reason` text,
	`closed_on` text,
	`working_days_taken` integer,
	`acceptance_due_on` text NOT NULL,
	`target_due_on` text NOT NULL,
	`statutory_due_on` text,
	`calendar_revision` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`registered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_inspector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_inspector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_number_unique` ON `cases` (`case_number`);--> statement-breakpoint
CREATE INDEX `cases_state_idx` ON `cases` (`state`);--> statement-breakpoint
CREATE INDEX `cases_lead_idx` ON `cases` (`lead_inspector_id`,`state`);--> statement-breakpoint
CREATE INDEX `cases_second_idx` ON `cases` (`second_inspector_id`,`state`);--> statement-breakpoint
CREATE INDEX `cases_registered_idx` ON `cases` (`registered_by_id`);--> statement-breakpoint
CREATE INDEX `cases_received_idx` ON `cases` (`received_on`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`stored_name` text NOT NULL,
	`original_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`uploaded_by_id` integer,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_stored_name_unique` ON `evidence` (`stored_name`);--> statement-breakpoint
CREATE INDEX `evidence_case_idx` ON `evidence` (`case_id`);