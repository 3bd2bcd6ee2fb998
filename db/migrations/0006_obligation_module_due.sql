CREATE INDEX `obligation_module_due` ON `obligation` (`module`,`due_date`,`owner_id`);--> statement-breakpoint
-- Dispute deadlines now move past rest days (the engine's roll-forward): rebuild the to-do table at the next dashboard visit.
DELETE FROM `setting` WHERE `key` = 'obligations_refreshed_on';
