ALTER TABLE `blacklist_proceedings` DROP COLUMN `notice_served_on`;--> statement-breakpoint
ALTER TABLE `blacklist_proceedings` DROP COLUMN `objection_on`;--> statement-breakpoint
ALTER TABLE `blacklist_proceedings` DROP COLUMN `objection_text`;--> statement-breakpoint
ALTER TABLE `blacklist_proceedings` DROP COLUMN `verification_on`;--> statement-breakpoint
ALTER TABLE `blacklist_proceedings` DROP COLUMN `verification_text`;