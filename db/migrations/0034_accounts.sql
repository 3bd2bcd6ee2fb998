CREATE TABLE `account` (
	`id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`username` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`password_salt` text,
	`password_params` text,
	`must_change` integer DEFAULT true NOT NULL,
	`password_changed_at` text,
	`failed_count` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`disabled` integer DEFAULT false NOT NULL,
	`last_login_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_username` ON `account` (lower("username"));--> statement-breakpoint
CREATE INDEX `account_staff` ON `account` (`staff_id`);--> statement-breakpoint
-- Upgrade of a ledger from before accounts: each active staff member of the office (not the people's
-- mediators) gets an account with no password that must be changed. Username: their name, and a second
-- colleague of the same name gets "#2" after it (a third "#3"…). The administrator is the operator the
-- ledger remembered, or the earliest colleague when it remembered none; the first screen after the
-- upgrade asks them to set their password (db/services/accounts.ts, setupAdmin).
INSERT OR IGNORE INTO `account` (`id`, `staff_id`, `username`, `role`, `must_change`, `failed_count`, `disabled`, `created_at`, `updated_at`)
SELECT s.`id`, s.`id`,
  s.`name` || CASE
    WHEN (SELECT count(*) FROM `staff` d WHERE d.`kind` = 'staff' AND d.`active` = 1 AND d.`deleted_at` IS NULL AND lower(d.`name`) = lower(s.`name`) AND d.`id` < s.`id`) = 0 THEN ''
    ELSE '#' || ((SELECT count(*) FROM `staff` d WHERE d.`kind` = 'staff' AND d.`active` = 1 AND d.`deleted_at` IS NULL AND lower(d.`name`) = lower(s.`name`) AND d.`id` < s.`id`) + 1)
  END,
  CASE WHEN s.`id` = (
    SELECT a.`id` FROM `staff` a WHERE a.`kind` = 'staff' AND a.`active` = 1 AND a.`deleted_at` IS NULL
    ORDER BY a.`id` = (SELECT json_extract(`value`, '$') FROM `setting` WHERE `key` = 'operator_id') DESC, a.`id` LIMIT 1
  ) THEN 'admin' ELSE 'staff' END,
  1, 0, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `staff` s WHERE s.`kind` = 'staff' AND s.`active` = 1 AND s.`deleted_at` IS NULL;
