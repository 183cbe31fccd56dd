-- Custom: the 事先告知书's own service columns move to the one service record, `document_services`
-- (docs/rules.md § Service of documents). Every recorded service is kept: its date, and its method mapped
-- from the label the old form stored; the receiver was never recorded, and the note says so.
INSERT INTO `document_services` (`case_id`, `document`, `document_id`, `document_number`, `party_key`, `party_name`, `method`, `served_on`, `published_on`, `note`, `created_at`)
SELECT n.`case_id`, 'priorNotice', n.`id`, n.`doc_number`, 'employer', c.`employer_name`,
  CASE n.`service_method`
    WHEN '留置送达' THEN 'leftAt'
    WHEN '邮寄送达' THEN 'post'
    WHEN '委托送达' THEN 'entrusted'
    WHEN '公告送达' THEN 'publicNotice'
    ELSE 'direct'
  END,
  n.`served_on`,
  CASE n.`service_method` WHEN '公告送达' THEN date(n.`served_on`, '-30 days') END,
  '升级前登记的送达（' || CASE WHEN n.`service_method` = '' THEN '送达方式未记录' ELSE n.`service_method` END || '），签收人未记录',
  n.`created_at`
FROM `prior_notices` n JOIN `cases` c ON c.`id` = n.`case_id`
WHERE n.`served_on` IS NOT NULL;
