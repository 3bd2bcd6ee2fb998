ALTER TABLE `dispute` ADD `accepted_date` text;--> statement-breakpoint
ALTER TABLE `dispute` ADD `mediating_date` text;--> statement-breakpoint
ALTER TABLE `dispute` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `dispute` ADD `outcome_date` text;--> statement-breakpoint
-- Registrations kept before these columns: their steps from the dated status history (the first
-- 受理 and 调处, the latest 化解/未化解), so that a closed dispute keeps the outcome it closed with.
UPDATE `dispute` SET
  `accepted_date` = (SELECT min(c.`date`) FROM `dispute_status_change` c WHERE c.`dispute_id` = `dispute`.`id` AND c.`to_status` = 'accepted'),
  `mediating_date` = (SELECT min(c.`date`) FROM `dispute_status_change` c WHERE c.`dispute_id` = `dispute`.`id` AND c.`to_status` = 'mediating'),
  `outcome` = (SELECT c.`to_status` FROM `dispute_status_change` c WHERE c.`dispute_id` = `dispute`.`id` AND c.`to_status` IN ('resolved', 'unresolved') ORDER BY c.`id` DESC LIMIT 1),
  `outcome_date` = (SELECT c.`date` FROM `dispute_status_change` c WHERE c.`dispute_id` = `dispute`.`id` AND c.`to_status` IN ('resolved', 'unresolved') ORDER BY c.`id` DESC LIMIT 1);--> statement-breakpoint
CREATE INDEX `dispute_live_outcome` ON `dispute` (`deleted_at`,`outcome_date`) WHERE deleted_at IS NULL AND outcome_date IS NOT NULL;