CREATE TABLE `county_figure` (
	`package_id` text NOT NULL,
	`module` text NOT NULL,
	`seq` integer NOT NULL,
	`label` text NOT NULL,
	`value` real,
	`kind` text NOT NULL,
	`definition` text NOT NULL,
	PRIMARY KEY(`package_id`, `module`, `seq`),
	FOREIGN KEY (`package_id`) REFERENCES `county_package`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `county_ledger` (
	`package_id` text NOT NULL,
	`module` text NOT NULL,
	`title` text NOT NULL,
	`columns` text NOT NULL,
	`rows` integer NOT NULL,
	PRIMARY KEY(`package_id`, `module`),
	FOREIGN KEY (`package_id`) REFERENCES `county_package`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `county_ledger_module` ON `county_ledger` (`module`);--> statement-breakpoint
CREATE TABLE `county_package` (
	`id` text PRIMARY KEY NOT NULL,
	`township` text NOT NULL,
	`period` text NOT NULL,
	`period_label` text NOT NULL,
	`date_from` text NOT NULL,
	`date_to` text NOT NULL,
	`created_at` text NOT NULL,
	`received_at` text NOT NULL,
	`received_by` text NOT NULL,
	`app_version` text NOT NULL,
	`schema_version` integer NOT NULL,
	`audit_rows` integer NOT NULL,
	`audit_hash` text NOT NULL,
	`chain` text NOT NULL,
	`chain_note` text,
	`manifest` text NOT NULL,
	`folder_name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `county_package_town_period` ON `county_package` (`township`,`period`);--> statement-breakpoint
CREATE INDEX `county_package_period` ON `county_package` (`period`);--> statement-breakpoint
CREATE TABLE `county_record` (
	`id` integer PRIMARY KEY NOT NULL,
	`package_id` text NOT NULL,
	`township` text NOT NULL,
	`module` text NOT NULL,
	`seq` integer NOT NULL,
	`name` text,
	`cells` text NOT NULL,
	FOREIGN KEY (`package_id`) REFERENCES `county_package`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `county_record_list` ON `county_record` (`package_id`,`module`,`seq`);--> statement-breakpoint
CREATE INDEX `county_record_name` ON `county_record` (`module`,`name`,`package_id`);