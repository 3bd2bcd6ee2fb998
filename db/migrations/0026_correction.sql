CREATE TABLE `correction_event` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`method` text,
	`hours` real,
	`content` text NOT NULL,
	`staff` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `correction_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `correction_event_file` ON `correction_event` (`file_id`,`date`);--> statement-breakpoint
CREATE TABLE `correction_file` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`category` text NOT NULL,
	`ground` text,
	`crime` text NOT NULL,
	`penalty_type` text NOT NULL,
	`penalty_term` text,
	`additional_penalty` text,
	`prohibition` text,
	`prohibition_start` text,
	`prohibition_end` text,
	`decision_organ` text NOT NULL,
	`document_type` text NOT NULL,
	`document_number` text NOT NULL,
	`effective_date` text NOT NULL,
	`notice_date` text,
	`received_date` text,
	`term_start` text NOT NULL,
	`term_end` text NOT NULL,
	`village_id` text,
	`prior_record` text NOT NULL,
	`former_name` text,
	`education` text,
	`marital` text,
	`employment` text,
	`phone` text,
	`minor` integer DEFAULT 0 NOT NULL,
	`responsible_staff_id` text NOT NULL,
	`level` text NOT NULL,
	`level_since` text NOT NULL,
	`report_date` text,
	`report_note` text,
	`declaration_date` text,
	`declaration_host` text,
	`declaration_attendees` text,
	`status` text DEFAULT 'active' NOT NULL,
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
CREATE INDEX `correction_person` ON `correction_file` (`person_id`);--> statement-breakpoint
CREATE INDEX `correction_live_due` ON `correction_file` (`next_due_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `correction_live_term` ON `correction_file` (`term_end`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `correction_live_staff` ON `correction_file` (`responsible_staff_id`,`next_due_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
ALTER TABLE `obligation` ADD `closed_to` text;--> statement-breakpoint
CREATE INDEX `obligation_closed` ON `obligation` (`responsible_staff_id`,`module`,`closed_to`) WHERE closed_to IS NOT NULL;