-- The audit trail's hash chain: the n-th seal holds SHA-256 of the (n-1)-th seal's hash and the n-th sealed
-- event, so an event changed, or removed together with its seal, breaks every seal after it.
CREATE TABLE audit_seal (
    seq           BIGINT      NOT NULL PRIMARY KEY,
    event_id      BIGINT      NOT NULL UNIQUE REFERENCES audit_event (id),
    previous_hash VARCHAR(64) NOT NULL,
    hash          VARCHAR(64) NOT NULL
);
