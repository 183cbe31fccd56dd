-- Notices and decisions numbered before offices issued their own were numbered by the city office's counters.
UPDATE `blacklist_proceedings` SET `notice_office_id` = (SELECT min(`id`) FROM `offices` WHERE `kind` = 'city') WHERE `notice_number` IS NOT NULL AND `notice_office_id` IS NULL;--> statement-breakpoint
UPDATE `blacklist_proceedings` SET `decision_office_id` = (SELECT min(`id`) FROM `offices` WHERE `kind` = 'city') WHERE `decision_number` IS NOT NULL AND `decision_office_id` IS NULL;
