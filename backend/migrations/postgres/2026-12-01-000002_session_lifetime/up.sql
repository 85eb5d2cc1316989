-- A session ends at `expires_at` whatever its refreshes (the absolute session lifetime). Sessions
-- opened before this migration get a time in the past: their holders sign in again.
ALTER TABLE sessions ADD COLUMN expires_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
-- Access tokens of a service account carry the generation of its secret; rotating the secret
-- moves the generation on, which ends every token issued before.
ALTER TABLE service_accounts ADD COLUMN secret_generation INTEGER NOT NULL DEFAULT 1;
