CREATE TABLE `mediation_report` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`date` text NOT NULL,
	`unit_kind` text NOT NULL,
	`unit` text NOT NULL,
	`receiver` text NOT NULL,
	`content` text NOT NULL,
	`measures` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `mediation_case`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `mediation_report_case` ON `mediation_report` (`case_id`);--> statement-breakpoint
CREATE INDEX `mediation_report_date` ON `mediation_report` (`date`) WHERE deleted_at IS NULL;--> statement-breakpoint
ALTER TABLE `agreement` ADD `confirmation_joint` integer;--> statement-breakpoint
ALTER TABLE `return_visit` ADD `purpose` text DEFAULT 'performance' NOT NULL;