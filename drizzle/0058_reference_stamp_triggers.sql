-- The offices and the divisions they cover, as the intake's routing and work-site choices read them, change
-- only by the admin's hand: their stamp moves with every change (schema.ts referenceStamps).
INSERT INTO `reference_stamps` (`name`, `stamp`) VALUES ('offices', random());--> statement-breakpoint
CREATE TRIGGER `offices_stamp_insert` AFTER INSERT ON `offices` BEGIN
  UPDATE `reference_stamps` SET `stamp` = random() WHERE `name` = 'offices';
END;--> statement-breakpoint
CREATE TRIGGER `offices_stamp_update` AFTER UPDATE ON `offices` BEGIN
  UPDATE `reference_stamps` SET `stamp` = random() WHERE `name` = 'offices';
END;--> statement-breakpoint
CREATE TRIGGER `offices_stamp_delete` AFTER DELETE ON `offices` BEGIN
  UPDATE `reference_stamps` SET `stamp` = random() WHERE `name` = 'offices';
END;--> statement-breakpoint
CREATE TRIGGER `divisions_stamp_insert` AFTER INSERT ON `divisions` BEGIN
  UPDATE `reference_stamps` SET `stamp` = random() WHERE `name` = 'offices';
END;--> statement-breakpoint
CREATE TRIGGER `divisions_stamp_update` AFTER UPDATE ON `divisions` BEGIN
  UPDATE `reference_stamps` SET `stamp` = random() WHERE `name` = 'offices';
END;--> statement-breakpoint
CREATE TRIGGER `divisions_stamp_delete` AFTER DELETE ON `divisions` BEGIN
  UPDATE `reference_stamps` SET `stamp` = random() WHERE `name` = 'offices';
END;
