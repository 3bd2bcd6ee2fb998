CREATE TABLE `attachment` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_by_id` text,
	`created_by_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	`data` blob NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attachment_owner_live` ON `attachment` (`owner_type`,`owner_id`,`id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `attachment_deleted` ON `attachment` (`deleted_at`) WHERE deleted_at IS NOT NULL;