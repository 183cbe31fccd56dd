CREATE TABLE `reference_stamps` (
	`name` text PRIMARY KEY NOT NULL,
	`stamp` integer NOT NULL
);
