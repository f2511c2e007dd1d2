-- Sessions started before this moment are ended: set when the password changes or is reset.
ALTER TABLE app_user ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;

-- Single sign-on: an account is bound once to one identity at one provider. Accounts that sign in only that way
-- have no local password.
ALTER TABLE app_user ADD COLUMN oidc_issuer VARCHAR(255);
ALTER TABLE app_user ADD COLUMN oidc_subject VARCHAR(255);
ALTER TABLE app_user ADD CONSTRAINT uq_app_user_oidc UNIQUE (oidc_issuer, oidc_subject);
ALTER TABLE app_user ALTER COLUMN password_hash SET NULL;
