-- Who made each edit of a draft (user names, one a line, in the order they first edited the row), so an apply's
-- audit line names everyone whose edits it sends. Edits made before this are left unattributed.
ALTER TABLE table_draft_edit ADD COLUMN edited_by VARCHAR(2000);
