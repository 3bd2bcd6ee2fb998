CREATE TABLE `agreement` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`form` text NOT NULL,
	`facts` text,
	`matters` text,
	`responsibility` text,
	`content` text NOT NULL,
	`performance_method` text,
	`performance_deadline` text,
	`performance_place` text,
	`party_signatures` text NOT NULL,
	`mediator_signed_date` text,
	`seal_date` text,
	`effective_date` text,
	`confirmation_intent` integer,
	`confirmation_applied_date` text,
	`confirmation_court` text,
	`confirmation_ruling_no` text,
	`confirmation_result` text,
	`confirmation_result_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `mediation_case`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_case` ON `agreement` (`case_id`);--> statement-breakpoint
CREATE TABLE `mediation_case` (
	`id` text PRIMARY KEY NOT NULL,
	`case_no` text NOT NULL,
	`case_year` integer NOT NULL,
	`case_seq` integer NOT NULL,
	`dispute_id` text,
	`origin` text NOT NULL,
	`sender_unit` text,
	`mediating_body` text NOT NULL,
	`committee_name` text NOT NULL,
	`accepted_date` text NOT NULL,
	`category` text NOT NULL,
	`summary` text NOT NULL,
	`amount_fen` integer,
	`outcome` text,
	`outcome_reason` text,
	`guidance` text,
	`closed_date` text,
	`parties_text` text NOT NULL,
	`mediators_text` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`dispute_id`) REFERENCES `dispute`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mediation_case_no` ON `mediation_case` (`case_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `mediation_case_dispute` ON `mediation_case` (`dispute_id`) WHERE dispute_id IS NOT NULL AND deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `mediation_live_accepted` ON `mediation_case` (`accepted_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `mediation_live_closed` ON `mediation_case` (`closed_date`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `mediation_mediator` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`ord` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `mediation_case`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `mediation_mediator_case` ON `mediation_mediator` (`case_id`);--> statement-breakpoint
CREATE INDEX `mediation_mediator_staff` ON `mediation_mediator` (`staff_id`);--> statement-breakpoint
CREATE TABLE `mediation_party` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`ord` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `mediation_case`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `mediation_party_case` ON `mediation_party` (`case_id`);--> statement-breakpoint
CREATE INDEX `mediation_party_person` ON `mediation_party` (`person_id`);--> statement-breakpoint
CREATE TABLE `mediation_record` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`place` text,
	`participants` text NOT NULL,
	`content` text NOT NULL,
	`next_step` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `mediation_case`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `mediation_record_case` ON `mediation_record` (`case_id`);--> statement-breakpoint
CREATE TABLE `performance_item` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`description` text NOT NULL,
	`deadline` text,
	`state` text NOT NULL,
	`note` text,
	`ord` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreement`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `performance_item_agreement` ON `performance_item` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `performance_item_deadline` ON `performance_item` (`deadline`);--> statement-breakpoint
CREATE TABLE `return_visit` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`planned_date` text,
	`visit_date` text,
	`visitor_staff_id` text,
	`method` text,
	`performance_found` text,
	`satisfaction` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `mediation_case`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`visitor_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `return_visit_case` ON `return_visit` (`case_id`);--> statement-breakpoint
CREATE INDEX `return_visit_planned` ON `return_visit` (`planned_date`);