ALTER TABLE `agreement` ADD `amount_fen` integer;--> statement-breakpoint
ALTER TABLE `agreement` ADD `performance` text DEFAULT 'unperformed' NOT NULL;--> statement-breakpoint
ALTER TABLE `agreement` ADD `performed_date` text;--> statement-breakpoint
ALTER TABLE `performance_item` ADD `performed_date` text;--> statement-breakpoint
-- Agreements kept before 0014: 履行情况 from their items as the ledger showed it (all 不适用 is now
-- 无给付内容); one without items takes what the latest return visit after it found, on that visit's
-- day when it found the agreement performed, and stays 未履行 when no visit found anything.
UPDATE `agreement` SET `performance` = CASE
  WHEN NOT EXISTS (SELECT 1 FROM `performance_item` i WHERE i.`agreement_id` = `agreement`.`id`) THEN coalesce(
    (SELECT CASE v.`performance_found` WHEN 'not_applicable' THEN 'no_payment' ELSE v.`performance_found` END
       FROM `return_visit` v
      WHERE v.`case_id` = `agreement`.`case_id` AND v.`deleted_at` IS NULL AND v.`visit_date` IS NOT NULL
        AND v.`performance_found` IS NOT NULL AND v.`visit_date` >= coalesce(`agreement`.`effective_date`, '')
      ORDER BY v.`visit_date` DESC, v.`id` DESC LIMIT 1),
    'unperformed')
  WHEN NOT EXISTS (SELECT 1 FROM `performance_item` i WHERE i.`agreement_id` = `agreement`.`id` AND i.`state` <> 'not_applicable') THEN 'no_payment'
  WHEN NOT EXISTS (SELECT 1 FROM `performance_item` i WHERE i.`agreement_id` = `agreement`.`id` AND i.`state` NOT IN ('performed', 'not_applicable')) THEN 'performed'
  WHEN EXISTS (SELECT 1 FROM `performance_item` i WHERE i.`agreement_id` = `agreement`.`id` AND i.`state` IN ('performed', 'partial')) THEN 'partial'
  ELSE 'unperformed' END;--> statement-breakpoint
UPDATE `agreement` SET `performed_date` = (
    SELECT max(v.`visit_date`) FROM `return_visit` v
     WHERE v.`case_id` = `agreement`.`case_id` AND v.`deleted_at` IS NULL AND v.`performance_found` = 'performed'
       AND v.`visit_date` >= coalesce(`agreement`.`effective_date`, ''))
  WHERE `performance` = 'performed' AND NOT EXISTS (SELECT 1 FROM `performance_item` i WHERE i.`agreement_id` = `agreement`.`id`);
