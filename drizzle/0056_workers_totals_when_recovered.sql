-- A worker registered with nothing recovered yet (every intake) leaves the case's money totals as they are:
-- the trigger no longer rewrites the case row and its indexes for it (0011 keeps the totals' meaning).
DROP TRIGGER `case_workers_totals_insert`;--> statement-breakpoint
CREATE TRIGGER `case_workers_totals_insert` AFTER INSERT ON `case_workers` WHEN coalesce(new.`recovered_fen`, 0) <> 0 BEGIN
  UPDATE `cases` SET `recovered_fen` = `recovered_fen` + new.`recovered_fen`, `workers_helped` = `workers_helped` + (new.`recovered_fen` > 0) WHERE `id` = new.`case_id`;
END;
