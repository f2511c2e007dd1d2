-- The audit trail's hash chain: the n-th seal holds SHA-256 of the (n-1)-th seal's hash and the n-th sealed
-- event, so an event changed, or removed together with its seal, breaks every seal after it.
CREATE TABLE audit_seal (
    seq           BIGINT      NOT NULL PRIMARY KEY,
    event_id      BIGINT      NOT NULL UNIQUE REFERENCES audit_event (id),
    previous_hash VARCHAR(64) NOT NULL,
    hash          VARCHAR(64) NOT NULL
);

-- Neither table can be rewritten or emptied, not even by TRUNCATE, which row triggers do not see.
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_seal_no_change BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Whatever default privileges gave other roles (e.g. the runtime role of the README), they may only add and read.
DO $$
DECLARE
    grantee_role TEXT;
BEGIN
    FOR grantee_role IN
        SELECT DISTINCT grantee FROM information_schema.role_table_grants
        WHERE table_schema = current_schema() AND table_name IN ('audit_event', 'audit_seal')
          AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') AND grantee <> current_user
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_seal FROM %I', grantee_role);
    END LOOP;
END
$$;
