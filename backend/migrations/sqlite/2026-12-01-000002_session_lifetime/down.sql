ALTER TABLE service_accounts DROP COLUMN secret_generation;
ALTER TABLE sessions DROP COLUMN expires_at;
