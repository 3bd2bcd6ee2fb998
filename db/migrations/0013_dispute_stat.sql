CREATE TABLE `dispute_stat` (
	`basis` text NOT NULL,
	`dim` text NOT NULL,
	`day` text NOT NULL,
	`key` text NOT NULL,
	`registered` integer NOT NULL,
	`accepted` integer NOT NULL,
	`rejected` integer NOT NULL,
	`mediated` integer NOT NULL,
	`resolved` integer NOT NULL,
	`unresolved` integer NOT NULL,
	`transferred` integer NOT NULL,
	`open` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`people` integer NOT NULL,
	PRIMARY KEY(`basis`, `dim`, `day`, `key`)
);
--> statement-breakpoint
-- What every live dispute adds, on the day it was registered and on the day of its outcome, to the
-- total and to its category, source, village and responsible person (as db/services/disputes-stats.ts
-- keeps it from now on).
INSERT INTO `dispute_stat` (`basis`, `dim`, `day`, `key`, `registered`, `accepted`, `rejected`, `mediated`, `resolved`, `unresolved`, `transferred`, `open`, `amount_fen`, `people`)
SELECT s.`basis`, x.`dim`, s.`day`,
  CASE x.`dim` WHEN 'total' THEN '' WHEN 'category' THEN s.`category` WHEN 'source' THEN s.`source`
    WHEN 'village' THEN coalesce(s.`village_id`, '') ELSE coalesce(s.`responsible_staff_id`, '') END AS `k`,
  count(*),
  sum(s.`accepted_date` IS NOT NULL),
  sum(s.`accepted_date` IS NULL AND s.`transfer_unit` IS NULL AND s.`status` IN ('rejected', 'closed') AND s.`outcome` IS NULL),
  sum(s.`mediating_date` IS NOT NULL),
  sum(s.`outcome` IS 'resolved'),
  sum(s.`outcome` IS 'unresolved'),
  sum(s.`transfer_unit` IS NOT NULL),
  sum(s.`status` IN ('registered', 'accepted', 'mediating')),
  coalesce(sum(s.`amount_fen`), 0),
  coalesce(sum(s.`people_count`), 0)
FROM (
  SELECT 'intake' AS `basis`, `intake_date` AS `day`, `category`, `source`, `village_id`, `responsible_staff_id`, `accepted_date`,
    `mediating_date`, `outcome`, `transfer_unit`, `status`, `amount_fen`, `people_count`
  FROM `dispute` WHERE `deleted_at` IS NULL
  UNION ALL
  SELECT 'outcome', `outcome_date`, `category`, `source`, `village_id`, `responsible_staff_id`, `accepted_date`,
    `mediating_date`, `outcome`, `transfer_unit`, `status`, `amount_fen`, `people_count`
  FROM `dispute` WHERE `deleted_at` IS NULL AND `outcome_date` IS NOT NULL
) s
CROSS JOIN (SELECT 'total' AS `dim` UNION ALL SELECT 'category' UNION ALL SELECT 'source' UNION ALL SELECT 'village' UNION ALL SELECT 'staff') x
GROUP BY s.`basis`, x.`dim`, s.`day`, `k`;
