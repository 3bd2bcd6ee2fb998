ALTER TABLE `person` ADD `kind` text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE `person` ADD `occupation` text;--> statement-breakpoint
ALTER TABLE `person` ADD `work_unit` text;--> statement-breakpoint
ALTER TABLE `person` ADD `credit_code` text;--> statement-breakpoint
ALTER TABLE `person` ADD `legal_rep` text;--> statement-breakpoint
CREATE UNIQUE INDEX `person_credit_code` ON `person` (`credit_code`) WHERE credit_code IS NOT NULL AND deleted_at IS NULL;