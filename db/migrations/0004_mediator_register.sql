ALTER TABLE `staff` ADD `kind` text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `committee` text;