-- Whether a non-zero ha_remote_status or ha_local_status raises the HA alarm for this SBC. No source says what
-- those codes mean, so the alarm is each SBC's administrator's choice, off until chosen.
ALTER TABLE sbc ADD COLUMN ha_status_alarm BOOLEAN DEFAULT FALSE NOT NULL;
