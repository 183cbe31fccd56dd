-- Hand-written: an existing single-office database becomes one office — the city office (市本级) — holding every
-- case, user and document number; the work-site districts become divisions (行政区划) covered by it
-- (docs/rules.md §Offices and jurisdiction). On a new database it creates the city office and the divisions only.
INSERT INTO `offices` (`name`, `kind`, `doc_prefix`, `sort_order`)
  SELECT '市本级（劳动保障监察支队）', 'city', '长人社监', 0 WHERE NOT EXISTS (SELECT 1 FROM `offices`);--> statement-breakpoint
WITH d(`name`, `code`, `sort_order`) AS (VALUES ('南关区', '220102', 1), ('宽城区', '220103', 2), ('朝阳区', '220104', 3),
    ('二道区', '220105', 4), ('绿园区', '220106', 5), ('双阳区', '220112', 6), ('九台区', '220113', 7), ('经开区', '220171', 8),
    ('高新区', '220173', 9), ('净月区', '220172', 10), ('汽开区', '220174', 11), ('长春新区', NULL, 12), ('莲花山区', NULL, 13),
    ('中韩示范区', NULL, 14), ('榆树市', '220182', 15), ('德惠市', '220183', 16), ('公主岭市', '220184', 17), ('农安县', '220122', 18))
INSERT INTO `divisions` (`name`, `code`, `office_id`, `sort_order`)
  SELECT d.`name`, d.`code`, (SELECT min(`id`) FROM `offices` WHERE `kind` = 'city'), d.`sort_order` FROM d
  WHERE d.`name` NOT IN (SELECT `name` FROM `divisions`);--> statement-breakpoint
INSERT INTO `divisions` (`name`, `office_id`, `sort_order`)
  SELECT DISTINCT `district`, (SELECT min(`id`) FROM `offices` WHERE `kind` = 'city'), 100 FROM `cases`
  WHERE `district` NOT IN (SELECT `name` FROM `divisions`);--> statement-breakpoint
-- The cases already registered were received and taken up by the one office: nothing waits for 签收.
UPDATE `cases` SET
  `office_id` = (SELECT min(`id`) FROM `offices` WHERE `kind` = 'city'),
  `division_id` = (SELECT d.`id` FROM `divisions` d WHERE d.`name` = `cases`.`district`),
  `arrived_by` = 'routed',
  `arrived_on` = `received_on`,
  `acknowledged_at` = `created_at`
  WHERE `office_id` IS NULL;--> statement-breakpoint
UPDATE `users` SET `office_id` = (SELECT min(`id`) FROM `offices` WHERE `kind` = 'city') WHERE `office_id` IS NULL;--> statement-breakpoint
UPDATE `document_sequences` SET `office_id` = (SELECT min(`id`) FROM `offices` WHERE `kind` = 'city') WHERE `office_id` IS NULL;--> statement-breakpoint
-- Every case belongs to exactly one office at a time: never none.
CREATE TRIGGER `cases_office_required_insert` BEFORE INSERT ON `cases` WHEN new.`office_id` IS NULL BEGIN
  SELECT RAISE(ABORT, 'cases.office_id is required');
END;--> statement-breakpoint
CREATE TRIGGER `cases_office_required_update` BEFORE UPDATE OF `office_id` ON `cases` WHEN new.`office_id` IS NULL BEGIN
  SELECT RAISE(ABORT, 'cases.office_id is required');
END;
