DROP INDEX `obligation_staff_module_due`;--> statement-breakpoint
CREATE INDEX `obligation_staff_module_due` ON `obligation` (`responsible_staff_id`,`module`,`due_date`,`owner_id`);