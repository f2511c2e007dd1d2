-- Counts the changes of a draft's edits, so an instance holding a copy of them reads them again only when they moved.
ALTER TABLE table_draft ADD COLUMN edits_version BIGINT DEFAULT 0 NOT NULL;

-- An edit is one entry of a table, far below this size; as a character large object H2 stored each one apart,
-- which made saving an import of 100,000 rows take tens of seconds.
ALTER TABLE table_draft_edit ALTER COLUMN row_data SET DATA TYPE CHARACTER VARYING(1000000);
