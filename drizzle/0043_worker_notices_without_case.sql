PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_worker_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer,
	`worker_id` integer,
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
INSERT INTO `__new_worker_notices`("id", "case_id", "worker_id", "office_id", "kind", "channel", "phone", "facts", "idempotency_key", "status", "attempts", "next_attempt_at", "claimed_at", "sent_at", "last_error", "provider_message_id", "body", "created_at") SELECT "id", "case_id", "worker_id", "office_id", "kind", "channel", "phone", "facts", "idempotency_key", "status", "attempts", "next_attempt_at", "claimed_at", "sent_at", "last_error", "provider_message_id", "body", "created_at" FROM `worker_notices`;--> statement-breakpoint
DROP TABLE `worker_notices`;--> statement-breakpoint
ALTER TABLE `__new_worker_notices` RENAME TO `worker_notices`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `worker_notices_idempotency_key_unique` ON `worker_notices` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `worker_notices_due_idx` ON `worker_notices` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `worker_notices_status_idx` ON `worker_notices` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `worker_notices_phone_sent_idx` ON `worker_notices` (`phone`,`sent_at`) WHERE sent_at is not null;--> statement-breakpoint
CREATE INDEX `worker_notices_case_idx` ON `worker_notices` (`case_id`,`id`);