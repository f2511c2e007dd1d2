-- The threshold an alarm crossed, kept with it so its line says value and threshold even after the rule changes;
-- alarms raised before this stay without one.
ALTER TABLE alarm ADD COLUMN threshold DOUBLE PRECISION;
