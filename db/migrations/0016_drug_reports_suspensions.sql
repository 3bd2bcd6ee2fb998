CREATE TABLE `followup_report` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`date` text NOT NULL,
	`police_unit` text NOT NULL,
	`receiver` text NOT NULL,
	`note` text,
	`matters` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`subject_id`) REFERENCES `followup_subject`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `followup_report_subject` ON `followup_report` (`subject_id`,`date`);--> statement-breakpoint
CREATE TABLE `followup_suspension` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`reason` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`subject_id`) REFERENCES `followup_subject`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `followup_suspension_subject` ON `followup_suspension` (`subject_id`,`start_date`);--> statement-breakpoint
ALTER TABLE `followup_visit` ADD `excuse` text;--> statement-breakpoint
ALTER TABLE `followup_visit` ADD `stability` text;--> statement-breakpoint
-- Drug files kept before 0016 whose leave counts already make a serious breach (戒毒条例 art. 20) get the
-- day that breach became known, which the 报告公安 duty is due from: the day the file was last saved, the
-- nearest the old ledger knows (from 0016 on the host stamps the day a save first reaches the threshold).
UPDATE `followup_subject` SET `facts` = json_set(`facts`, '$.leaveBreachDate', substr(`updated_at`, 1, 10))
  WHERE `group_code` = 'drug' AND json_valid(`facts`)
    AND (coalesce(json_extract(`facts`, '$.leaveTimes'), 0) >= 3 OR coalesce(json_extract(`facts`, '$.leaveDays'), 0) > 30);
