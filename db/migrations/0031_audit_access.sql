CREATE INDEX `audit_access` ON `audit_log` (`id`) WHERE action IN ('view', 'export');--> statement-breakpoint
CREATE INDEX `audit_access_actor` ON `audit_log` (`actor_id`,`id`) WHERE action IN ('view', 'export');--> statement-breakpoint
CREATE INDEX `audit_access_person` ON `audit_log` ("after" ->> '$.personId',`id`) WHERE action IN ('view', 'export');