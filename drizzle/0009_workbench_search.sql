-- Workbench search and workloads (models/case-list.ts, docs/scaling.md). Hand-written: drizzle-kit does
-- not generate virtual tables or triggers. Everything here is kept in sync by triggers, so it changes in
-- the same transaction as the rows it indexes.

-- Text search: FTS5 trigram indexes over employer/project names and worker names (any 3+ characters,
-- Chinese included). External content: the text stays in cases/case_workers only.
CREATE VIRTUAL TABLE `cases_fts` USING fts5(employer_name, project_name, content='cases', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `case_workers_fts` USING fts5(name, content='case_workers', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `cases_fts_insert` AFTER INSERT ON `cases` BEGIN
  INSERT INTO cases_fts(rowid, employer_name, project_name) VALUES (new.id, new.employer_name, new.project_name);
END;
--> statement-breakpoint
CREATE TRIGGER `cases_fts_update` AFTER UPDATE OF employer_name, project_name ON `cases` BEGIN
  INSERT INTO cases_fts(cases_fts, rowid, employer_name, project_name) VALUES ('delete', old.id, old.employer_name, old.project_name);
  INSERT INTO cases_fts(rowid, employer_name, project_name) VALUES (new.id, new.employer_name, new.project_name);
END;
--> statement-breakpoint
CREATE TRIGGER `cases_fts_delete` AFTER DELETE ON `cases` BEGIN
  INSERT INTO cases_fts(cases_fts, rowid, employer_name, project_name) VALUES ('delete', old.id, old.employer_name, old.project_name);
END;
--> statement-breakpoint
CREATE TRIGGER `case_workers_fts_insert` AFTER INSERT ON `case_workers` BEGIN
  INSERT INTO case_workers_fts(rowid, name) VALUES (new.id, new.name);
END;
--> statement-breakpoint
CREATE TRIGGER `case_workers_fts_update` AFTER UPDATE OF name ON `case_workers` BEGIN
  INSERT INTO case_workers_fts(case_workers_fts, rowid, name) VALUES ('delete', old.id, old.name);
  INSERT INTO case_workers_fts(rowid, name) VALUES (new.id, new.name);
END;
--> statement-breakpoint
CREATE TRIGGER `case_workers_fts_delete` AFTER DELETE ON `case_workers` BEGIN
  INSERT INTO case_workers_fts(case_workers_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;
--> statement-breakpoint
INSERT INTO cases_fts(cases_fts) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO case_workers_fts(case_workers_fts) VALUES ('rebuild');
--> statement-breakpoint
-- Open cases per inspector, as lead or as second.
CREATE TRIGGER `cases_workload_insert` AFTER INSERT ON `cases` WHEN new.state <> 'closed' BEGIN
  INSERT INTO inspector_open_cases(user_id, open_cases)
    SELECT u, 1 FROM (SELECT new.lead_inspector_id AS u UNION ALL SELECT new.second_inspector_id) WHERE u IS NOT NULL
    ON CONFLICT(user_id) DO UPDATE SET open_cases = open_cases + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_workload_update` AFTER UPDATE OF state, lead_inspector_id, second_inspector_id ON `cases` BEGIN
  UPDATE inspector_open_cases SET open_cases = open_cases - 1
    WHERE old.state <> 'closed' AND user_id IN (old.lead_inspector_id, old.second_inspector_id);
  INSERT INTO inspector_open_cases(user_id, open_cases)
    SELECT u, 1 FROM (SELECT new.lead_inspector_id AS u UNION ALL SELECT new.second_inspector_id) WHERE u IS NOT NULL AND new.state <> 'closed'
    ON CONFLICT(user_id) DO UPDATE SET open_cases = open_cases + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_workload_delete` AFTER DELETE ON `cases` WHEN old.state <> 'closed' BEGIN
  UPDATE inspector_open_cases SET open_cases = open_cases - 1 WHERE user_id IN (old.lead_inspector_id, old.second_inspector_id);
END;
--> statement-breakpoint
INSERT INTO inspector_open_cases(user_id, open_cases)
  SELECT u, count(*) FROM (
    SELECT lead_inspector_id AS u FROM cases WHERE state <> 'closed'
    UNION ALL SELECT second_inspector_id FROM cases WHERE state <> 'closed'
  ) WHERE u IS NOT NULL GROUP BY u;
