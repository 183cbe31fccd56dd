-- Custom migration (issue 21 item 1): the generated migration after this one redefines the virtual columns
-- urgent_due_on / urgent_clock (legal clocks rank above the 8-day target, docs/rules.md "Legal deadlines
-- first"); SQLite refuses to drop a column an index names, so the indexes on them are dropped here and
-- created again, unchanged, by the custom migration after it.
DROP INDEX IF EXISTS `cases_open_urgent_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_open_urgent_clock_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_open_state_urgent_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_open_lead_urgent_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_open_second_urgent_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_open_district_urgent_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_open_channel_urgent_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_open_registrar_urgent_idx`;--> statement-breakpoint
DROP INDEX IF EXISTS `cases_office_open_urgent_idx`;
