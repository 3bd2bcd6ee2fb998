CREATE TABLE `followup_duty` (
	`subject_id` text NOT NULL,
	`item_key` text NOT NULL,
	`group_code` text NOT NULL,
	`duty` text,
	`due_date` text NOT NULL,
	`weight` integer NOT NULL,
	`progress_done` integer NOT NULL,
	`closed_on` text,
	`waived` integer NOT NULL,
	`passed_on` text,
	`past_end` integer NOT NULL,
	`file_start` text NOT NULL,
	`file_end` text,
	`settled` integer NOT NULL,
	PRIMARY KEY(`subject_id`, `item_key`),
	FOREIGN KEY (`subject_id`) REFERENCES `followup_subject`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `followup_duty_unsettled` ON `followup_duty` (`due_date`,`group_code`,`duty`,`weight`,`progress_done`,`closed_on`,`waived`,`passed_on`,`past_end`,`file_start`,`file_end`,`subject_id`,`item_key`) WHERE settled = 0;--> statement-breakpoint
CREATE TABLE `followup_duty_day` (
	`group_code` text NOT NULL,
	`duty` text NOT NULL,
	`due_date` text NOT NULL,
	`done_weight` integer NOT NULL,
	`waived_weight` integer NOT NULL,
	PRIMARY KEY(`group_code`, `duty`, `due_date`)
);
--> statement-breakpoint
CREATE TABLE `followup_duty_file` (
	`subject_id` text PRIMARY KEY NOT NULL,
	`built_on` text NOT NULL,
	`basis` text NOT NULL,
	`digest` text NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `followup_subject`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `followup_duty_file_basis` ON `followup_duty_file` (`basis`);--> statement-breakpoint
CREATE INDEX `followup_stat` ON `followup_subject` (`group_code`,`level`,`control_status`,`status`,`start_date`,`end_date`,`id`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `followup_control_changes` ON `followup_subject` (`id`) WHERE control_history IS NOT NULL;--> statement-breakpoint
CREATE INDEX `followup_visit_tests` ON `followup_visit` (`subject_id`,`date`,`test_result`) WHERE deleted_at IS NULL AND kind = 'test';--> statement-breakpoint
CREATE INDEX `followup_visit_refusals` ON `followup_visit` (`subject_id`,`date`,`test_result`,`excuse`) WHERE deleted_at IS NULL AND kind = 'test' AND test_result IN ('拒绝检测', '未到');--> statement-breakpoint
CREATE INDEX `level_change_date` ON `level_change` (`module`,`date`) WHERE deleted_at IS NULL;--> statement-breakpoint
-- followup_duty_day is the sum of the settled rows of followup_duty, kept here so that no way of
-- writing or deleting rows (a file's rewrite, a cascade from a purged file) can leave it behind.
CREATE TRIGGER `followup_duty_settled_in` AFTER INSERT ON `followup_duty` WHEN NEW.settled = 1 BEGIN
  INSERT INTO `followup_duty_day` (group_code, duty, due_date, done_weight, waived_weight)
  VALUES (NEW.group_code, NEW.duty, NEW.due_date, CASE WHEN NEW.waived = 1 THEN 0 ELSE NEW.weight END, CASE WHEN NEW.waived = 1 THEN NEW.weight ELSE 0 END)
  ON CONFLICT (group_code, duty, due_date) DO UPDATE SET done_weight = done_weight + excluded.done_weight, waived_weight = waived_weight + excluded.waived_weight;
END;
--> statement-breakpoint
CREATE TRIGGER `followup_duty_settled_out` AFTER DELETE ON `followup_duty` WHEN OLD.settled = 1 BEGIN
  UPDATE `followup_duty_day`
  SET done_weight = done_weight - CASE WHEN OLD.waived = 1 THEN 0 ELSE OLD.weight END, waived_weight = waived_weight - CASE WHEN OLD.waived = 1 THEN OLD.weight ELSE 0 END
  WHERE group_code = OLD.group_code AND duty = OLD.duty AND due_date = OLD.due_date;
END;
--> statement-breakpoint
CREATE TRIGGER `followup_duty_settled_change` AFTER UPDATE ON `followup_duty` BEGIN
  UPDATE `followup_duty_day`
  SET done_weight = done_weight - CASE WHEN OLD.waived = 1 THEN 0 ELSE OLD.weight END, waived_weight = waived_weight - CASE WHEN OLD.waived = 1 THEN OLD.weight ELSE 0 END
  WHERE OLD.settled = 1 AND group_code = OLD.group_code AND duty = OLD.duty AND due_date = OLD.due_date;
  INSERT INTO `followup_duty_day` (group_code, duty, due_date, done_weight, waived_weight)
  SELECT NEW.group_code, NEW.duty, NEW.due_date, CASE WHEN NEW.waived = 1 THEN 0 ELSE NEW.weight END, CASE WHEN NEW.waived = 1 THEN NEW.weight ELSE 0 END
  WHERE NEW.settled = 1
  ON CONFLICT (group_code, duty, due_date) DO UPDATE SET done_weight = done_weight + excluded.done_weight, waived_weight = waived_weight + excluded.waived_weight;
END;
