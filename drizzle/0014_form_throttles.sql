CREATE TABLE `form_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`expire` integer
);
--> statement-breakpoint
CREATE INDEX `form_throttles_expire_idx` ON `form_throttles` (`expire`);