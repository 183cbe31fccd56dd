CREATE TABLE `login_known_addresses` (
	`key` text PRIMARY KEY NOT NULL,
	`last_login_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_known_addresses_last_idx` ON `login_known_addresses` (`last_login_at`);