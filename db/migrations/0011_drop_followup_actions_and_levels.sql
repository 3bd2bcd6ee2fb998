DROP TABLE `followup_item_action`;--> statement-breakpoint
DROP TABLE `followup_level`;