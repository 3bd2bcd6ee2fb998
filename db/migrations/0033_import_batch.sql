CREATE TABLE `import_batch` (
	`id` text PRIMARY KEY NOT NULL,
	`module` text NOT NULL,
	`file_name` text NOT NULL,
	`row_count` integer NOT NULL,
	`imported_count` integer NOT NULL,
	`skipped_count` integer NOT NULL,
	`backup_file` text,
	`actor_name` text NOT NULL,
	`created_at` text NOT NULL,
	`undone_at` text,
	`undone_by` text
);
--> statement-breakpoint
CREATE INDEX `import_batch_created` ON `import_batch` (`created_at`);--> statement-breakpoint
CREATE TABLE `import_item` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`row_no` integer NOT NULL,
	`original_no` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batch`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `import_item_batch` ON `import_item` (`batch_id`);--> statement-breakpoint
CREATE INDEX `import_item_record` ON `import_item` (`entity`,`record_id`);