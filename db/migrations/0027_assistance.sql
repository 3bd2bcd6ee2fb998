CREATE TABLE `assistance_file` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`crime` text NOT NULL,
	`sentence` text NOT NULL,
	`prison` text,
	`sentence_start` text,
	`sentence_end` text,
	`release_type` text NOT NULL,
	`release_date` text NOT NULL,
	`pre_release` integer DEFAULT 0 NOT NULL,
	`certificate_number` text,
	`notice_date` text,
	`village_id` text,
	`phone` text,
	`responsible_staff_id` text NOT NULL,
	`level` text NOT NULL,
	`level_since` text NOT NULL,
	`period_end` text NOT NULL,
	`handover_state` text DEFAULT 'pending' NOT NULL,
	`handover_method` text,
	`family_contact_date` text,
	`return_date` text,
	`receiver` text,
	`police_report_date` text,
	`register_date` text,
	`missing_since` text,
	`handover_note` text,
	`agreement_date` text,
	`placement` text,
	`placement_date` text,
	`placement_note` text,
	`status` text DEFAULT 'active' NOT NULL,
	`end_reason` text,
	`end_date` text,
	`end_note` text,
	`notes` text,
	`next_due_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`village_id`) REFERENCES `village`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`responsible_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `assistance_person` ON `assistance_file` (`person_id`);--> statement-breakpoint
CREATE INDEX `assistance_live_due` ON `assistance_file` (`next_due_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `assistance_live_release` ON `assistance_file` (`release_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `assistance_live_staff` ON `assistance_file` (`responsible_staff_id`,`next_due_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `assistance_member` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`phone` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `assistance_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `assistance_member_file` ON `assistance_member` (`file_id`);--> statement-breakpoint
CREATE TABLE `assistance_record` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`method` text,
	`aid_type` text,
	`amount_fen` integer,
	`offence_type` text,
	`crime` text,
	`content` text NOT NULL,
	`staff` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `assistance_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `assistance_record_file` ON `assistance_record` (`file_id`,`date`);