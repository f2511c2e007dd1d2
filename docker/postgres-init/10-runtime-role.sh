#!/bin/sh
# Runs once, when the database is first created, as the owner role (vsxi_owner), before the dashboard migrates.
# The runtime role may read and write the dashboard's tables, but only add to and read the audit trail: the
# migrations revoke the rest there, and triggers refuse UPDATE, DELETE and TRUNCATE even to the owner.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v pw="$VSXI_DB_PASSWORD" <<'SQL'
CREATE ROLE vsxi_app LOGIN PASSWORD :'pw';
GRANT USAGE ON SCHEMA public TO vsxi_app;
ALTER DEFAULT PRIVILEGES FOR ROLE vsxi_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO vsxi_app;
ALTER DEFAULT PRIVILEGES FOR ROLE vsxi_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO vsxi_app;
SQL
