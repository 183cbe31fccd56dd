ALTER TABLE `case_office_moves` ADD `doc_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `case_office_moves_doc_number_unique` ON `case_office_moves` (`doc_number`);--> statement-breakpoint
ALTER TABLE `department_transfers` ADD `doc_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `department_transfers_doc_number_unique` ON `department_transfers` (`doc_number`);