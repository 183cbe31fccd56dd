CREATE TABLE `sms_deliveries` (
	`idempotency_key` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`text` text NOT NULL,
	`delivered_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `worker_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`worker_id` integer NOT NULL,
	`office_id` integer NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`facts` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_at` integer,
	`sent_at` integer,
	`last_error` text,
	`provider_message_id` text,
	`body` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`worker_id`) REFERENCES `case_workers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `worker_notices_idempotency_key_unique` ON `worker_notices` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `worker_notices_due_idx` ON `worker_notices` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `worker_notices_status_idx` ON `worker_notices` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `worker_notices_phone_sent_idx` ON `worker_notices` (`phone`,`sent_at`) WHERE sent_at is not null;--> statement-breakpoint
CREATE INDEX `worker_notices_case_idx` ON `worker_notices` (`case_id`,`id`);--> statement-breakpoint
ALTER TABLE `case_workers` ADD `id_type` text DEFAULT 'mainlandId' NOT NULL;--> statement-breakpoint
ALTER TABLE `case_workers` ADD `no_id_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `case_workers` ADD `landline` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `case_workers` ADD `relative_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `case_workers` ADD `relative_phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `case_workers` ADD `postal_address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `case_workers` ADD `sms_opt_out` integer DEFAULT false NOT NULL;