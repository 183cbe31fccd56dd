-- 应急周转金 ledger (docs/rules.md §应急周转金): append-only, and every row's balance is the previous balance of
-- its office's fund plus the row's change, never negative. Hand-written: drizzle-kit does not generate triggers.
CREATE TRIGGER `emergency_fund_movements_no_update` BEFORE UPDATE ON `emergency_fund_movements`
BEGIN
  SELECT RAISE(ABORT, 'emergency_fund_movements is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `emergency_fund_movements_no_delete` BEFORE DELETE ON `emergency_fund_movements`
BEGIN
  SELECT RAISE(ABORT, 'emergency_fund_movements is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `emergency_fund_movements_balance` BEFORE INSERT ON `emergency_fund_movements`
BEGIN
  SELECT RAISE(ABORT, 'emergency fund balance would be negative') WHERE NEW.balance_fen < 0;
  SELECT RAISE(ABORT, 'emergency fund balance does not follow the previous movement')
  WHERE NEW.balance_fen != coalesce(
      (SELECT m.balance_fen FROM emergency_fund_movements m WHERE m.office_id = NEW.office_id ORDER BY m.id DESC LIMIT 1), 0)
    + CASE NEW.kind WHEN 'advance' THEN -NEW.amount_fen ELSE NEW.amount_fen END;
END;
