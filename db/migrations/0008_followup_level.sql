CREATE TABLE `followup_level` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`date` text NOT NULL,
	`level` text NOT NULL,
	`source` text NOT NULL,
	`visit_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`subject_id`) REFERENCES `followup_subject`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`visit_id`) REFERENCES `followup_visit`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `followup_level_subject` ON `followup_level` (`subject_id`,`date`);--> statement-breakpoint
-- Files kept before this table: the level each was opened with (from its audit row, else today's) ...
INSERT INTO `followup_level` (`id`, `subject_id`, `date`, `level`, `source`, `visit_id`, `created_at`, `updated_at`)
SELECT f.`id`, f.`id`, f.`start_date`,
  coalesce((SELECT json_extract(a.`after`, '$.level') FROM `audit_log` a WHERE a.`entity` = 'followup' AND a.`entity_id` = f.`id` AND a.`action` = 'create' ORDER BY a.`at` LIMIT 1), f.`level`),
  'start', NULL, f.`created_at`, f.`created_at`
FROM `followup_subject` f;--> statement-breakpoint
-- ... then every reassessment recorded on a live visit.
INSERT INTO `followup_level` (`id`, `subject_id`, `date`, `level`, `source`, `visit_id`, `created_at`, `updated_at`)
SELECT v.`id`, v.`subject_id`, v.`date`, v.`level_after`, 'visit', v.`id`, v.`created_at`, v.`created_at`
FROM `followup_visit` v WHERE v.`level_after` IS NOT NULL AND v.`deleted_at` IS NULL;
