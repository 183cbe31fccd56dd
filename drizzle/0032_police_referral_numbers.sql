ALTER TABLE `police_referrals` ADD `doc_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `police_referrals_doc_number_unique` ON `police_referrals` (`doc_number`);