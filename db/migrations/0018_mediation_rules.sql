CREATE TABLE `mediation_extension` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`date` text NOT NULL,
	`previous_date` text NOT NULL,
	`new_date` text NOT NULL,
	`reason` text NOT NULL,
	`consent` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `mediation_case`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `mediation_extension_case` ON `mediation_extension` (`case_id`);--> statement-breakpoint
ALTER TABLE `agreement` ADD `confirmation_court_basis` text;--> statement-breakpoint
ALTER TABLE `agreement` ADD `confirmation_accepted_date` text;--> statement-breakpoint
ALTER TABLE `mediation_case` ADD `land_contract` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `mediation_case` ADD `termination_reason` text;--> statement-breakpoint
ALTER TABLE `mediation_case` ADD `arbitration_told_date` text;--> statement-breakpoint
-- Cases opened from the dispute register before 0018 had the source 'dispute' (a link, not a source:
-- REVIEW row 9). Each takes the source its dispute's 纠纷来源 suggests, as a case opened from the
-- register now proposes it (shared/domain/mediation.ts ORIGIN_OF_DISPUTE_SOURCE): 排查/网格 →
-- 主动调解, 来访/来电 → 当事人申请, 法院/110/信访/12345 → 委托移送 with the sending body (the work
-- order's 转办单位 when it has one); any other source → 主动调解. The link stays in dispute_id.
UPDATE `mediation_case` SET
  `sender_unit` = coalesce(`sender_unit`, (
    SELECT CASE d.`source`
      WHEN 'court' THEN coalesce(d.`ticket_unit`, '人民法院')
      WHEN 'police110' THEN coalesce(d.`ticket_unit`, '公安机关（110联动）')
      WHEN 'petition' THEN coalesce(d.`ticket_unit`, '信访部门')
      WHEN 'hotline12345' THEN coalesce(d.`ticket_unit`, '12345政务服务便民热线')
    END FROM `dispute` d WHERE d.`id` = `mediation_case`.`dispute_id`)),
  `origin` = coalesce((
    SELECT CASE d.`source`
      WHEN 'screening' THEN 'initiative'
      WHEN 'grid' THEN 'initiative'
      WHEN 'visit' THEN 'application'
      WHEN 'call' THEN 'application'
      WHEN 'court' THEN 'court'
      WHEN 'police110' THEN 'police'
      WHEN 'petition' THEN 'government'
      WHEN 'hotline12345' THEN 'government'
      ELSE 'initiative'
    END FROM `dispute` d WHERE d.`id` = `mediation_case`.`dispute_id`), 'initiative')
  WHERE `origin` = 'dispute';
