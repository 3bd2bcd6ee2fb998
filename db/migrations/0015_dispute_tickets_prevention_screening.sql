CREATE TABLE `screening` (
	`id` text PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`village_id` text NOT NULL,
	`participants` text NOT NULL,
	`households` integer,
	`persons` integer,
	`disputes_found` integer NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`village_id`) REFERENCES `village`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `screening_live_date` ON `screening` (`deleted_at`,`date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `screening_village_date` ON `screening` (`village_id`,`date`);--> statement-breakpoint
ALTER TABLE `dispute` ADD `handling_level` text;--> statement-breakpoint
ALTER TABLE `dispute` ADD `ticket_no` text;--> statement-breakpoint
ALTER TABLE `dispute` ADD `ticket_unit` text;--> statement-breakpoint
ALTER TABLE `dispute` ADD `ticket_deadline` text;--> statement-breakpoint
ALTER TABLE `dispute` ADD `feedback_date` text;--> statement-breakpoint
ALTER TABLE `dispute` ADD `satisfaction` text;--> statement-breakpoint
ALTER TABLE `dispute` ADD `prevented_criminal_persons` integer;--> statement-breakpoint
ALTER TABLE `dispute` ADD `prevented_mass_persons` integer;--> statement-breakpoint
ALTER TABLE `dispute_stat` ADD `fed_back` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dispute_stat` ADD `fed_back_on_time` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dispute_stat` ADD `rated` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dispute_stat` ADD `satisfied` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dispute_stat` ADD `prevented_criminal` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dispute_stat` ADD `prevented_criminal_persons` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dispute_stat` ADD `prevented_mass` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dispute_stat` ADD `prevented_mass_persons` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The new breakdown by 调处主体: every dispute kept before it has none, so its rows are the total's under the empty key.
INSERT INTO `dispute_stat` (`basis`, `dim`, `day`, `key`, `registered`, `accepted`, `rejected`, `mediated`, `resolved`, `unresolved`, `transferred`, `open`, `amount_fen`, `people`)
SELECT `basis`, 'level', `day`, '', `registered`, `accepted`, `rejected`, `mediated`, `resolved`, `unresolved`, `transferred`, `open`, `amount_fen`, `people`
FROM `dispute_stat` WHERE `dim` = 'total';
