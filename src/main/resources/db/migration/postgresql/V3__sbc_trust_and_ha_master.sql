-- How the dashboard trusts each SBC: its confirmed certificate (PINNED_CERTIFICATE) or the configured CA.
ALTER TABLE sbc ADD COLUMN trust VARCHAR(24) DEFAULT 'PINNED_CERTIFICATE' NOT NULL;

-- The Load-Balance master of an SBC that is a slave, named when the slave refuses a change.
ALTER TABLE sbc ADD COLUMN ha_master_id BIGINT;
ALTER TABLE sbc ADD CONSTRAINT fk_sbc_ha_master FOREIGN KEY (ha_master_id) REFERENCES sbc (id) ON DELETE SET NULL;
