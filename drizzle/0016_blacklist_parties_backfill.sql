-- Custom: the employer's notice service and objection move to the per-party tables (docs/rules.md
-- § Publication of violators: every listed person is a party, served and heard on its own).
INSERT INTO `document_services` (`case_id`, `document`, `document_id`, `document_number`, `party_key`, `party_name`, `method`, `served_on`, `note`)
SELECT `case_id`, 'blacklistNotice', `id`, `notice_number`, 'employer', `employer_name`, 'direct', `notice_served_on`, '升级前登记的送达日期，送达方式和签收人未记录'
FROM `blacklist_proceedings` WHERE `notice_served_on` IS NOT NULL AND `notice_number` IS NOT NULL;
--> statement-breakpoint
INSERT INTO `blacklist_objections` (`proceeding_id`, `party_key`, `objection_on`, `text`, `answered_on`, `answer`)
SELECT `id`, 'employer', `objection_on`, coalesce(`objection_text`, ''), `verification_on`, `verification_text`
FROM `blacklist_proceedings` WHERE `objection_on` IS NOT NULL;
--> statement-breakpoint
-- The persons listed with the employer were never served on their own: a pending proceeding waits for it.
UPDATE `blacklist_proceedings` SET `stage` = 'approved'
WHERE `stage` = 'noticed' AND EXISTS (SELECT 1 FROM `blacklist_persons` WHERE `proceeding_id` = `blacklist_proceedings`.`id`);
