CREATE TABLE `department_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`sent_on` text NOT NULL,
	`matter` text NOT NULL,
	`materials` text NOT NULL,
	`reply_due_on` text NOT NULL,
	`received_on` text,
	`signed_by` text,
	`replied_on` text,
	`reply_outcome` text,
	`reply_content` text,
	`recorded_by_id` integer,
	`receipt_recorded_by_id` integer,
	`reply_recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `member_units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reply_recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `department_transfers_case_idx` ON `department_transfers` (`case_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `department_transfers_waiting_idx` ON `department_transfers` (`reply_due_on`) WHERE replied_on is null;