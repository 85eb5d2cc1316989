DROP TABLE audit_log;
DROP TABLE service_accounts;
DROP TABLE refresh_tokens;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE units;
