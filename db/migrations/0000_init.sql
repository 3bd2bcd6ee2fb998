CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `case_counter` (
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`kind`, `year`)
);
--> statement-breakpoint
CREATE TABLE `dict_entry` (
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`builtin` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort` integer NOT NULL,
	PRIMARY KEY(`kind`, `code`)
);
--> statement-breakpoint
CREATE TABLE `grid` (
	`id` text PRIMARY KEY NOT NULL,
	`village_id` text NOT NULL,
	`name` text NOT NULL,
	`worker_name` text,
	`worker_phone` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`village_id`) REFERENCES `village`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `grid_village` ON `grid` (`village_id`);--> statement-breakpoint
CREATE TABLE `setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`post` text,
	`phone` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `village` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `person` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_pinyin` text NOT NULL,
	`name_initials` text NOT NULL,
	`sex` text,
	`id_number` text,
	`birth_date` text,
	`ethnicity` text,
	`phone` text,
	`household_address` text,
	`residence_address` text,
	`village_id` text,
	`grid_id` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`village_id`) REFERENCES `village`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`grid_id`) REFERENCES `grid`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_id_number` ON `person` (`id_number`) WHERE id_number IS NOT NULL AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `person_name` ON `person` (`name`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `person_initials` ON `person` (`name_initials`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `person_pinyin` ON `person` (`name_pinyin`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `person_village` ON `person` (`village_id`);--> statement-breakpoint
CREATE TABLE `person_gram` (
	`gram` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`gram`, `person_id`),
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `person_gram_person` ON `person_gram` (`person_id`);--> statement-breakpoint
CREATE TABLE `dispute` (
	`id` text PRIMARY KEY NOT NULL,
	`case_no` text NOT NULL,
	`case_year` integer NOT NULL,
	`case_seq` integer NOT NULL,
	`intake_date` text NOT NULL,
	`source` text NOT NULL,
	`category` text NOT NULL,
	`village_id` text,
	`grid_id` text,
	`summary` text NOT NULL,
	`people_count` integer,
	`amount_fen` integer,
	`risk_level` text,
	`responsible_staff_id` text,
	`deadline` text,
	`status` text NOT NULL,
	`transfer_unit` text,
	`parties_text` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`village_id`) REFERENCES `village`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`grid_id`) REFERENCES `grid`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`responsible_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dispute_case_no` ON `dispute` (`case_no`);--> statement-breakpoint
CREATE INDEX `dispute_live_case` ON `dispute` (`case_year`,`case_seq`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_intake` ON `dispute` (`intake_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_status_intake` ON `dispute` (`status`,`intake_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_category_intake` ON `dispute` (`category`,`intake_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_village_intake` ON `dispute` (`village_id`,`intake_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_staff_intake` ON `dispute` (`responsible_staff_id`,`intake_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_live_deadline` ON `dispute` (`deadline`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `dispute_deleted` ON `dispute` (`deleted_at`) WHERE deleted_at IS NOT NULL;--> statement-breakpoint
CREATE TABLE `dispute_party` (
	`id` text PRIMARY KEY NOT NULL,
	`dispute_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`ord` integer NOT NULL,
	FOREIGN KEY (`dispute_id`) REFERENCES `dispute`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `dispute_party_dispute` ON `dispute_party` (`dispute_id`);--> statement-breakpoint
CREATE INDEX `dispute_party_person` ON `dispute_party` (`person_id`);--> statement-breakpoint
CREATE TABLE `dispute_status_change` (
	`id` text PRIMARY KEY NOT NULL,
	`dispute_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`date` text NOT NULL,
	`note` text,
	`transfer_unit` text,
	`actor_id` text,
	`actor_name` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`dispute_id`) REFERENCES `dispute`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `dispute_status_change_dispute` ON `dispute_status_change` (`dispute_id`);