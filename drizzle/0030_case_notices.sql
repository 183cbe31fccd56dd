CREATE TABLE `case_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`doc_number` text,
	`issued_on` text NOT NULL,
	`body` text NOT NULL,
	`addressee` text DEFAULT '' NOT NULL,
	`issued_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_notices_doc_number_unique` ON `case_notices` (`doc_number`);--> statement-breakpoint
CREATE INDEX `case_notices_case_idx` ON `case_notices` (`case_id`,`kind`);