CREATE TABLE `followup_year` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`year` integer NOT NULL,
	`reward_result` text NOT NULL,
	`amount_fen` integer,
	`paid` integer DEFAULT 0 NOT NULL,
	`paid_date` text,
	`guardian_name` text,
	`free_medication` integer DEFAULT 0 NOT NULL,
	`free_treatment` integer DEFAULT 0 NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`subject_id`) REFERENCES `followup_subject`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `followup_year_subject` ON `followup_year` (`subject_id`,`year`) WHERE deleted_at IS NULL;--> statement-breakpoint
ALTER TABLE `followup_subject` ADD `control_status` text DEFAULT 'controlled' NOT NULL;--> statement-breakpoint
ALTER TABLE `followup_subject` ADD `control_history` text;--> statement-breakpoint
-- 以奖代补 was one status per file (REVIEW row 12); it becomes a record of the year. A status other than the
-- default 未申请 is carried to a record of the year it was set: the local year of the latest audit row (a
-- create or an edit) that changed the file's status to the one it has; a file with no such row (written
-- outside the app) gets the year the migration runs. 已发放 becomes 合格 (paid; the amount and the day were
-- never recorded), 已申请 待考核, 不符合条件 itself. The record takes the file's id (a ULID, one record per file
-- here) and the guardian's name; the status leaves the facts.
INSERT INTO `followup_year` (`id`, `subject_id`, `year`, `reward_result`, `paid`, `guardian_name`, `note`, `created_at`, `updated_at`)
SELECT s.`id`, s.`id`,
  coalesce(
    (SELECT CAST(strftime('%Y', a.`at`, 'localtime') AS integer) FROM `audit_log` a
      WHERE a.`entity` = 'followup' AND a.`entity_id` = s.`id` AND a.`action` IN ('create', 'update')
        AND json_valid(a.`after`) AND json_extract(a.`after`, '$.facts.rewardStatus') = json_extract(s.`facts`, '$.rewardStatus')
        AND (a.`before` IS NULL OR NOT json_valid(a.`before`)
          OR coalesce(json_extract(a.`before`, '$.facts.rewardStatus'), '') <> json_extract(s.`facts`, '$.rewardStatus'))
      ORDER BY a.`id` DESC LIMIT 1),
    CAST(strftime('%Y', 'now', 'localtime') AS integer)),
  CASE json_extract(s.`facts`, '$.rewardStatus') WHEN '已发放' THEN '合格' WHEN '已申请' THEN '待考核' ELSE '不符合条件' END,
  CASE json_extract(s.`facts`, '$.rewardStatus') WHEN '已发放' THEN 1 ELSE 0 END,
  json_extract(s.`facts`, '$.guardianName'),
  '由原档案“以奖代补：' || json_extract(s.`facts`, '$.rewardStatus') || '”转入'
    || CASE json_extract(s.`facts`, '$.rewardStatus') WHEN '已发放' THEN '，金额和发放日期原未记录' ELSE '' END,
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `followup_subject` s
WHERE s.`group_code` = 'mental_health' AND json_valid(s.`facts`)
  AND json_extract(s.`facts`, '$.rewardStatus') IN ('已申请', '已发放', '不符合条件');
--> statement-breakpoint
UPDATE `followup_subject` SET `facts` = json_remove(`facts`, '$.rewardStatus')
  WHERE `group_code` = 'mental_health' AND json_valid(`facts`) AND json_type(`facts`, '$.rewardStatus') IS NOT NULL;
