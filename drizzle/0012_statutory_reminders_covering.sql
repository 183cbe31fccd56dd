DROP INDEX `cases_filed_statutory_idx`;--> statement-breakpoint
CREATE INDEX `cases_filed_statutory_idx` ON `cases` (`statutory_due_on`,`extension_days`) WHERE state = 'filed';