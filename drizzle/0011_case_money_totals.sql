-- cases.recovered_fen / cases.workers_helped follow the case's workers (models/statistics.ts reads them).
CREATE TRIGGER `case_workers_totals_insert` AFTER INSERT ON `case_workers` BEGIN
  UPDATE `cases` SET `recovered_fen` = `recovered_fen` + coalesce(new.`recovered_fen`, 0), `workers_helped` = `workers_helped` + (coalesce(new.`recovered_fen`, 0) > 0) WHERE `id` = new.`case_id`;
END;--> statement-breakpoint
CREATE TRIGGER `case_workers_totals_update` AFTER UPDATE OF `recovered_fen`, `case_id` ON `case_workers` BEGIN
  UPDATE `cases` SET `recovered_fen` = `recovered_fen` - coalesce(old.`recovered_fen`, 0), `workers_helped` = `workers_helped` - (coalesce(old.`recovered_fen`, 0) > 0) WHERE `id` = old.`case_id`;
  UPDATE `cases` SET `recovered_fen` = `recovered_fen` + coalesce(new.`recovered_fen`, 0), `workers_helped` = `workers_helped` + (coalesce(new.`recovered_fen`, 0) > 0) WHERE `id` = new.`case_id`;
END;--> statement-breakpoint
CREATE TRIGGER `case_workers_totals_delete` AFTER DELETE ON `case_workers` BEGIN
  UPDATE `cases` SET `recovered_fen` = `recovered_fen` - coalesce(old.`recovered_fen`, 0), `workers_helped` = `workers_helped` - (coalesce(old.`recovered_fen`, 0) > 0) WHERE `id` = old.`case_id`;
END;--> statement-breakpoint
UPDATE `cases` SET
  `recovered_fen` = (SELECT coalesce(sum(w.`recovered_fen`), 0) FROM `case_workers` w WHERE w.`case_id` = `cases`.`id`),
  `workers_helped` = (SELECT count(*) FROM `case_workers` w WHERE w.`case_id` = `cases`.`id` AND w.`recovered_fen` > 0);
