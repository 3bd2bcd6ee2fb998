CREATE TABLE `correction_sanction` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`reason_other` text,
	`check_date` text NOT NULL,
	`check_facts` text NOT NULL,
	`decision_date` text,
	`decision_number` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `correction_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `correction_sanction_file` ON `correction_sanction` (`file_id`,`check_date`);--> statement-breakpoint
CREATE TABLE `correction_appraisal` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`summary_date` text,
	`appraisal_date` text NOT NULL,
	`opinion` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `correction_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `correction_appraisal_file_id_unique` ON `correction_appraisal` (`file_id`);--> statement-breakpoint
CREATE TABLE `correction_end` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`date` text NOT NULL,
	`document_number` text,
	`declaration_date` text,
	`declaration_host` text,
	`declaration_attendees` text,
	`notice_organ_date` text,
	`notice_procuratorate_date` text,
	`notice_police_date` text,
	`notes` text,
	`undo_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `correction_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `correction_end_file` ON `correction_end` (`file_id`);--> statement-breakpoint
ALTER TABLE `assistance_file` ADD `correction_file_id` text REFERENCES correction_file(id);--> statement-breakpoint
CREATE INDEX `assistance_correction` ON `assistance_file` (`correction_file_id`);