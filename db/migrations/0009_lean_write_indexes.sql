DROP INDEX `dispute_live_status_count`;--> statement-breakpoint
DROP INDEX `dispute_live_category_count`;--> statement-breakpoint
DROP INDEX `dispute_live_case`;--> statement-breakpoint
DROP INDEX `dispute_live_intake`;--> statement-breakpoint
DROP INDEX `dispute_live_status_intake`;--> statement-breakpoint
DROP INDEX `dispute_live_category_intake`;--> statement-breakpoint
DROP INDEX `dispute_live_village_intake`;--> statement-breakpoint
DROP INDEX `dispute_live_staff_intake`;--> statement-breakpoint
DROP INDEX `dispute_live_deadline`;--> statement-breakpoint
DROP INDEX `dispute_live_status_deadline`;--> statement-breakpoint
CREATE INDEX `dispute_live_case` ON `dispute` (`deleted_at`,`case_year`,`case_seq`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_intake` ON `dispute` (`deleted_at`,`intake_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_status_intake` ON `dispute` (`deleted_at`,`status`,`intake_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_category_intake` ON `dispute` (`deleted_at`,`category`,`intake_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_village_intake` ON `dispute` (`deleted_at`,`village_id`,`intake_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_staff_intake` ON `dispute` (`deleted_at`,`responsible_staff_id`,`intake_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_deadline` ON `dispute` (`deleted_at`,`deadline`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_status_deadline` ON `dispute` (`deleted_at`,`status`,`deadline`) WHERE deleted_at IS NULL;--> statement-breakpoint
DROP INDEX `obligation_module_due`;--> statement-breakpoint
DROP INDEX `obligation_kind_due`;--> statement-breakpoint
CREATE INDEX `obligation_kind_due` ON `obligation` (`kind`,`due_date`,`module`,`owner_id`);