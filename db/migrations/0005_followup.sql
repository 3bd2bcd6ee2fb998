CREATE TABLE `followup_subject` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`group_code` text NOT NULL,
	`group_name` text,
	`level` text NOT NULL,
	`level_since` text NOT NULL,
	`responsible_staff_id` text NOT NULL,
	`village_id` text,
	`team` text NOT NULL,
	`facts` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`status` text NOT NULL,
	`end_reason` text,
	`notes` text,
	`next_due_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`responsible_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`village_id`) REFERENCES `village`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `followup_person` ON `followup_subject` (`person_id`);--> statement-breakpoint
CREATE INDEX `followup_live_group` ON `followup_subject` (`group_code`,`status`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `followup_live_due` ON `followup_subject` (`next_due_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `followup_live_staff` ON `followup_subject` (`responsible_staff_id`,`next_due_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `followup_visit` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`method` text NOT NULL,
	`visitors` text NOT NULL,
	`findings` text NOT NULL,
	`level_after` text,
	`test_result` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`subject_id`) REFERENCES `followup_subject`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `followup_visit_subject` ON `followup_visit` (`subject_id`,`date`);--> statement-breakpoint
CREATE TABLE `obligation` (
	`module` text NOT NULL,
	`owner_id` text NOT NULL,
	`item_key` text NOT NULL,
	`rule_id` text NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`due_date` text NOT NULL,
	`original_due_date` text,
	`person_name` text NOT NULL,
	`responsible_staff_id` text,
	`village_id` text,
	`link` text NOT NULL,
	PRIMARY KEY(`module`, `owner_id`, `item_key`)
);
--> statement-breakpoint
CREATE INDEX `obligation_due` ON `obligation` (`due_date`);--> statement-breakpoint
CREATE INDEX `obligation_staff_module_due` ON `obligation` (`responsible_staff_id`,`module`,`due_date`);--> statement-breakpoint
CREATE INDEX `obligation_staff_due` ON `obligation` (`responsible_staff_id`,`due_date`);--> statement-breakpoint
CREATE INDEX `obligation_village_due` ON `obligation` (`village_id`,`due_date`);--> statement-breakpoint
CREATE INDEX `obligation_kind_due` ON `obligation` (`kind`,`due_date`);--> statement-breakpoint
CREATE INDEX `dispute_live_status_deadline` ON `dispute` (`status`,`deadline`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_status_count` ON `dispute` (`status`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_category_count` ON `dispute` (`category`,`deleted_at`) WHERE deleted_at IS NULL;