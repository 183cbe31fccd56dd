CREATE TABLE `blacklist_persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proceeding_id` integer NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text NOT NULL,
	FOREIGN KEY (`proceeding_id`) REFERENCES `blacklist_proceedings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `blacklist_persons_proceeding_idx` ON `blacklist_persons` (`proceeding_id`);--> statement-breakpoint
CREATE TABLE `blacklist_proceedings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`stage` text NOT NULL,
	`employer_name` text NOT NULL,
	`employer_uscc` text,
	`employer_address` text DEFAULT '' NOT NULL,
	`grounds` text NOT NULL,
	`months_owed` integer,
	`unpaid_fen` integer NOT NULL,
	`unpaid_workers` integer NOT NULL,
	`facts` text NOT NULL,
	`proposed_by_id` integer,
	`proposed_on` text NOT NULL,
	`approved_by_id` integer,
	`approved_on` text,
	`notice_number` text,
	`notice_served_on` text,
	`objection_on` text,
	`objection_text` text,
	`verification_on` text,
	`verification_text` text,
	`decision_extended` integer DEFAULT false NOT NULL,
	`extension_reason` text,
	`ended_on` text,
	`end_reason` text,
	`decision_number` text,
	`decision_on` text,
	`sanctions` text,
	`term_starts_on` text,
	`term_ends_on` text,
	`early_applied_on` text,
	`early_corrected_on` text,
	`early_note` text,
	`removed_on` text,
	`removal_kind` text,
	`removal_reason` text,
	`updated_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `payment_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `blacklist_proceedings_decision_number_unique` ON `blacklist_proceedings` (`decision_number`);--> statement-breakpoint
CREATE INDEX `blacklist_stage_idx` ON `blacklist_proceedings` (`stage`,`term_ends_on`);--> statement-breakpoint
CREATE INDEX `blacklist_case_idx` ON `blacklist_proceedings` (`case_id`);--> statement-breakpoint
CREATE INDEX `blacklist_uscc_idx` ON `blacklist_proceedings` (`employer_uscc`);--> statement-breakpoint
CREATE INDEX `blacklist_name_idx` ON `blacklist_proceedings` (`employer_name`);--> statement-breakpoint
CREATE TABLE `violation_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`quarter` text,
	`published_on` text,
	`created_by_id` integer,
	`published_by_id` integer,
	`updated_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `violation_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`employer_name` text NOT NULL,
	`employer_uscc` text DEFAULT '' NOT NULL,
	`employer_address` text DEFAULT '' NOT NULL,
	`employer_legal_rep` text DEFAULT '' NOT NULL,
	`facts` text NOT NULL,
	`handling` text NOT NULL,
	`withdrawn_on` text,
	`withdrawn_reason` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `violation_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `violation_entries_batch_idx` ON `violation_entries` (`batch_id`);--> statement-breakpoint
CREATE INDEX `violation_entries_case_idx` ON `violation_entries` (`case_id`);--> statement-breakpoint
CREATE INDEX `cases_employer_uscc_idx` ON `cases` (`employer_uscc`);--> statement-breakpoint
CREATE INDEX `cases_employer_name_idx` ON `cases` (`employer_name`);--> statement-breakpoint
CREATE INDEX `cases_outcome_closed_idx` ON `cases` (`outcome`,`closed_on`);--> statement-breakpoint
ALTER TABLE `cases` DROP COLUMN `blacklist_candidate`;