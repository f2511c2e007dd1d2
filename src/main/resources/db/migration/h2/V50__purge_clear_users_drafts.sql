-- Drafts of the box's own accounts (users) held their passwords in clear; from now on they are sealed. The old
-- ones go (their edits with them): the operator imports the file again.
DELETE FROM table_draft WHERE table_name = 'users';
