ALTER TABLE `grid` ADD `sort` integer;--> statement-breakpoint
ALTER TABLE `village` ADD `sort` integer;--> statement-breakpoint
-- The villages and grids kept before are put in the order they were added, the nearest thing to the office's own.
UPDATE `village` SET `sort` = (SELECT count(*) FROM `village` v WHERE v.rowid <= `village`.rowid);--> statement-breakpoint
UPDATE `grid` SET `sort` = (SELECT count(*) FROM `grid` g WHERE g.village_id = `grid`.village_id AND g.rowid <= `grid`.rowid);
