CREATE TABLE `prior_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`kind` text NOT NULL,
	`doc_number` text NOT NULL,
	`issued_on` text NOT NULL,
	`facts` text NOT NULL,
	`grounds` text NOT NULL,
	`intended` text NOT NULL,
	`rate_percent` integer,
	`served_on` text,
	`service_method` text DEFAULT '' NOT NULL,
	`statement_due_on` text,
	`statement` text,
	`statement_on` text,
	`statement_text` text DEFAULT '' NOT NULL,
	`review` text DEFAULT '' NOT NULL,
	`issued_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `payment_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prior_notices_doc_number_unique` ON `prior_notices` (`doc_number`);--> statement-breakpoint
CREATE INDEX `prior_notices_case_idx` ON `prior_notices` (`case_id`);--> statement-breakpoint
CREATE INDEX `prior_notices_order_idx` ON `prior_notices` (`order_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `arrears_ended_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `arrears_ongoing` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `rejection_basis` text;--> statement-breakpoint
ALTER TABLE `payment_orders` ADD `violation` text DEFAULT 'general' NOT NULL;