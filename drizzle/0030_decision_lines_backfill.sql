-- Hand-written backfill (issue 25 item 2): the per-worker lines of every 行政处理决定书 made before decision_lines
-- existed — the wages still owed under its order when it was recorded (payments recorded up to that moment), and
-- for a 加付赔偿金 decision each worker's share at its rate, rounded per worker (new decisions split the total exactly).
INSERT INTO decision_lines (action_id, worker_id, owed_fen, compensation_fen)
SELECT a.id, i.worker_id, i.owed, CASE WHEN a.kind = 'compensation' THEN CAST(round(i.owed * a.rate_percent / 100.0) AS INTEGER) ELSE 0 END
FROM enforcement_actions a
JOIN (
  SELECT si.id, si.source_id, si.worker_id, si.amount_fen, a2.id AS action_id,
         si.amount_fen - coalesce((SELECT sum(p.amount_fen) FROM payments p WHERE p.item_id = si.id AND p.created_at <= a2.created_at), 0) AS owed
  FROM settlement_items si
  JOIN enforcement_actions a2 ON si.source = 'order' AND si.source_id = a2.order_id
) i ON i.action_id = a.id
WHERE a.kind IN ('compensation', 'decision') AND a.doc_number IS NOT NULL AND i.owed > 0
  AND NOT EXISTS (SELECT 1 FROM decision_lines d WHERE d.action_id = a.id);
