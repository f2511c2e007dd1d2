-- Seals become HMAC-SHA256 under a key kept outside the database (vsxi.audit.chain-key), so that whoever owns
-- the database cannot recompute them. Seals made before stay plain SHA-256, named so; the first keyed seal
-- covers the hash of the last of them. key_id is the first 4 bytes of the key's SHA-256, never the key.
ALTER TABLE audit_seal ADD COLUMN scheme VARCHAR(16) DEFAULT 'SHA-256' NOT NULL;
ALTER TABLE audit_seal ADD COLUMN key_id VARCHAR(8);
-- from here on every seal names its scheme itself
ALTER TABLE audit_seal ALTER COLUMN scheme DROP DEFAULT;
