CREATE TABLE `followup_item_action` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`kind` text NOT NULL,
	`rule_id` text NOT NULL,
	`item_key` text NOT NULL,
	`label` text NOT NULL,
	`date` text NOT NULL,
	`new_date` text,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`subject_id`) REFERENCES `followup_subject`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `followup_item_action_subject` ON `followup_item_action` (`subject_id`);