-- Counts the changes of a draft's edits, so an instance holding a copy of them reads them again only when they moved.
ALTER TABLE table_draft ADD COLUMN edits_version BIGINT DEFAULT 0 NOT NULL;
