ALTER TABLE units DROP COLUMN active_since;
