-- Rows recorded before offices were kept on them: a view goes to the office that has the case now (the best
-- known), an export to the exporting user's office.
UPDATE `personal_data_views` SET `office_id` = (SELECT `office_id` FROM `cases` WHERE `cases`.`id` = `personal_data_views`.`case_id`) WHERE `office_id` IS NULL;--> statement-breakpoint
UPDATE `personal_data_exports` SET `office_id` = (SELECT `office_id` FROM `users` WHERE `users`.`id` = `personal_data_exports`.`user_id`) WHERE `office_id` IS NULL;
