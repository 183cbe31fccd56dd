CREATE TABLE `guarantee_uses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`used_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`payer` text NOT NULL,
	`workers_paid` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`top_up_due_on` text NOT NULL,
	`topped_up_on` text,
	`topped_up_fen` integer DEFAULT 0 NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `payment_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guarantee_uses_project_idx` ON `guarantee_uses` (`project_id`,`used_on`);--> statement-breakpoint
CREATE INDEX `guarantee_uses_open_top_up_idx` ON `guarantee_uses` (`top_up_due_on`) WHERE topped_up_on is null;--> statement-breakpoint
CREATE TABLE `inspection_group_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`name` text NOT NULL,
	`office_id` integer,
	`unit_id` integer,
	FOREIGN KEY (`group_id`) REFERENCES `inspection_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `member_units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_group_members_group_idx` ON `inspection_group_members` (`group_id`);--> statement-breakpoint
CREATE TABLE `inspection_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`office_id` integer NOT NULL,
	`name` text NOT NULL,
	`leader` text NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `special_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_groups_action_idx` ON `inspection_groups` (`action_id`,`office_id`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`group_id` integer NOT NULL,
	`project_id` integer,
	`employer_name` text NOT NULL,
	`employer_uscc` text,
	`inspected_on` text NOT NULL,
	`persons` integer NOT NULL,
	`wage_account` text NOT NULL,
	`real_name` text NOT NULL,
	`contractor_pays` text NOT NULL,
	`guarantee` text NOT NULL,
	`notice_board` text NOT NULL,
	`paid_monthly` text NOT NULL,
	`findings` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `special_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `inspection_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspections_action_idx` ON `inspections` (`action_id`,`group_id`);--> statement-breakpoint
CREATE INDEX `inspections_project_idx` ON `inspections` (`project_id`,`inspected_on`) WHERE project_id is not null;--> statement-breakpoint
CREATE TABLE `project_cases` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_cases_project_idx` ON `project_cases` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_subcontractors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`uscc` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_subcontractors_project_idx` ON `project_subcontractors` (`project_id`);--> statement-breakpoint
CREATE INDEX `project_subcontractors_uscc_idx` ON `project_subcontractors` (`uscc`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`division_id` integer NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`builder_name` text NOT NULL,
	`builder_uscc` text,
	`contractor_name` text NOT NULL,
	`contractor_uscc` text NOT NULL,
	`contract_fen` integer NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	`wage_account_bank` text DEFAULT '' NOT NULL,
	`wage_account_opened_on` text,
	`real_name` integer DEFAULT false NOT NULL,
	`contractor_pays` integer DEFAULT false NOT NULL,
	`guarantee_form` text,
	`guarantee_fen` integer DEFAULT 0 NOT NULL,
	`guarantor` text DEFAULT '' NOT NULL,
	`guarantee_from` text,
	`guarantee_until` text,
	`notice_board` integer DEFAULT false NOT NULL,
	`missing_count` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`division_id`) REFERENCES `divisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_office_missing_idx` ON `projects` (`office_id`,`missing_count`,`name`);--> statement-breakpoint
CREATE INDEX `projects_missing_idx` ON `projects` (`missing_count`,`name`);--> statement-breakpoint
CREATE INDEX `projects_contractor_uscc_idx` ON `projects` (`contractor_uscc`);--> statement-breakpoint
CREATE INDEX `projects_builder_uscc_idx` ON `projects` (`builder_uscc`);--> statement-breakpoint
CREATE INDEX `projects_name_idx` ON `projects` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `projects_office_name_contractor_idx` ON `projects` (`office_id`,`name`,`contractor_uscc`);--> statement-breakpoint
CREATE TABLE `risk_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`risk_id` integer NOT NULL,
	`paid_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`workers` integer NOT NULL,
	`proof` text DEFAULT '' NOT NULL,
	`recorded_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`risk_id`) REFERENCES `risk_points`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_payments_risk_idx` ON `risk_payments` (`risk_id`);--> statement-breakpoint
CREATE TABLE `risk_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`inspection_id` integer NOT NULL,
	`description` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`workers` integer NOT NULL,
	`responsible` text NOT NULL,
	`found_on` text NOT NULL,
	`resolve_by` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`ended_on` text,
	`case_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `special_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_points_action_idx` ON `risk_points` (`action_id`,`status`);--> statement-breakpoint
CREATE INDEX `risk_points_inspection_idx` ON `risk_points` (`inspection_id`);--> statement-breakpoint
CREATE INDEX `risk_points_open_due_idx` ON `risk_points` (`resolve_by`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `risk_points_case_idx` ON `risk_points` (`case_id`) WHERE case_id is not null;--> statement-breakpoint
CREATE TABLE `special_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` integer NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`scope` text NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `special_actions_office_idx` ON `special_actions` (`office_id`,`starts_on`);--> statement-breakpoint
CREATE INDEX `special_actions_starts_idx` ON `special_actions` (`starts_on`);