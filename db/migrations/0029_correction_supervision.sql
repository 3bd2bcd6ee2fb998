CREATE TABLE `correction_approval` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`kind` text NOT NULL,
	`apply_date` text,
	`start_date` text,
	`end_date` text,
	`destination` text,
	`reason` text,
	`papers` text,
	`approver_level` text,
	`approver` text,
	`approval_date` text,
	`return_date` text,
	`result` text,
	`reported_date` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `correction_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `correction_approval_file` ON `correction_approval` (`file_id`,`start_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `correction_incident` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`content` text NOT NULL,
	`actions` text,
	`resolved_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `correction_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `correction_incident_file` ON `correction_incident` (`file_id`,`at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `correction_member` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`sex` text,
	`phone` text,
	`knows_minors` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `correction_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `correction_member_file` ON `correction_member` (`file_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `correction_monitor` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`ground` text NOT NULL,
	`approver` text NOT NULL,
	`approval_date` text NOT NULL,
	`document_number` text,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`removal_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `correction_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `correction_monitor_file` ON `correction_monitor` (`file_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `correction_monitor_assessment` (
	`id` text PRIMARY KEY NOT NULL,
	`monitor_id` text NOT NULL,
	`date` text NOT NULL,
	`result` text NOT NULL,
	`new_end` text,
	`approver` text,
	`document_number` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`monitor_id`) REFERENCES `correction_monitor`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `correction_monitor_assessment_monitor` ON `correction_monitor_assessment` (`monitor_id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `correction_plan` (
	`id` text PRIMARY KEY NOT NULL,
	`file_id` text NOT NULL,
	`date` text NOT NULL,
	`content` text NOT NULL,
	`reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`file_id`) REFERENCES `correction_file`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `correction_plan_file` ON `correction_plan` (`file_id`,`date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `correction_supervision` (
	`file_id` text PRIMARY KEY NOT NULL,
	`pledge_date` text,
	`exit_report_date` text,
	`exit_revoke_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `correction_file`(`id`) ON UPDATE no action ON DELETE restrict
);
