-- Who saved a draft last, so that a planner whose save was refused learns whose change came first.
-- Rows from before this migration name their author.
ALTER TABLE rule_sets ADD COLUMN updated_by TEXT;
UPDATE rule_sets SET updated_by = author;
