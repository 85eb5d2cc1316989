-- When a unit last became active (created or reactivated): it owes monthly introductions from
-- the next month on. NULL: active since before the programme (the Department's own units).
ALTER TABLE units ADD COLUMN active_since TIMESTAMP;
