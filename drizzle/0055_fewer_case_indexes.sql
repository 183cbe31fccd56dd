DROP INDEX `cases_state_idx`;--> statement-breakpoint
DROP INDEX `cases_open_urgent_idx`;