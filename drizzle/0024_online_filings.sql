CREATE TABLE `online_filings` (
	`token` text PRIMARY KEY NOT NULL,
	`case_id` integer,
	`filed_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `online_filings_time_idx` ON `online_filings` (`filed_at`);