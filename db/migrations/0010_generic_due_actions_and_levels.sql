CREATE TABLE `level_change` (
	`id` text PRIMARY KEY NOT NULL,
	`module` text NOT NULL,
	`owner_id` text NOT NULL,
	`date` text NOT NULL,
	`level` text NOT NULL,
	`source` text NOT NULL,
	`event_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `level_change_owner` ON `level_change` (`module`,`owner_id`,`date`);--> statement-breakpoint
CREATE INDEX `level_change_event` ON `level_change` (`module`,`event_id`);--> statement-breakpoint
CREATE TABLE `obligation_action` (
	`id` text PRIMARY KEY NOT NULL,
	`module` text NOT NULL,
	`owner_id` text NOT NULL,
	`kind` text NOT NULL,
	`rule_id` text NOT NULL,
	`item_key` text NOT NULL,
	`label` text NOT NULL,
	`date` text NOT NULL,
	`new_date` text,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `obligation_action_owner` ON `obligation_action` (`module`,`owner_id`);--> statement-breakpoint
-- The special-group files' 延期/免除 and level history move to the engine's tables, named by module
-- and id, so that any module can use them; the rows keep their ids, dates and deletions.
INSERT INTO `obligation_action` (`id`, `module`, `owner_id`, `kind`, `rule_id`, `item_key`, `label`, `date`, `new_date`, `reason`, `created_at`, `updated_at`, `deleted_at`)
SELECT `id`, 'followup', `subject_id`, `kind`, `rule_id`, `item_key`, `label`, `date`, `new_date`, `reason`, `created_at`, `updated_at`, `deleted_at`
FROM `followup_item_action`;--> statement-breakpoint
INSERT INTO `level_change` (`id`, `module`, `owner_id`, `date`, `level`, `source`, `event_id`, `created_at`, `updated_at`, `deleted_at`)
SELECT `id`, 'followup', `subject_id`, `date`, `level`, `source`, `visit_id`, `created_at`, `updated_at`, `deleted_at`
FROM `followup_level`;
