-- Hand-written backfill (issue 25 item 8): the notices issued before they were numbered — one row per 不予受理,
-- 告知补正 and 告知/移送 on the timeline, with its date, text and issuer, and no number (they were printed without one).
-- A 告知/移送 is a 移送书 when its case closed as 移送其他部门, else a 告知书.
INSERT INTO case_notices (case_id, kind, doc_number, issued_on, body, addressee, issued_by_id, created_at)
SELECT e.case_id,
       CASE e.action WHEN 'reject' THEN 'rejection' WHEN 'requestSupplement' THEN 'supplement'
         ELSE CASE WHEN c.outcome = 'referredToOtherDepartment' THEN 'referral' ELSE 'inform' END END,
       NULL, e.on_date, e.note, '', e.actor_id, e.at
FROM case_events e
JOIN cases c ON c.id = e.case_id
WHERE e.action IN ('reject', 'requestSupplement', 'redirect')
ORDER BY e.id;
