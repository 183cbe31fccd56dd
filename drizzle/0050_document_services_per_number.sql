DROP INDEX `document_services_party_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `document_services_party_idx` ON `document_services` (`document`,`document_id`,`document_number`,`party_key`);