ALTER TABLE `prior_notices` DROP COLUMN `served_on`;--> statement-breakpoint
ALTER TABLE `prior_notices` DROP COLUMN `service_method`;--> statement-breakpoint
ALTER TABLE `prior_notices` DROP COLUMN `statement_due_on`;