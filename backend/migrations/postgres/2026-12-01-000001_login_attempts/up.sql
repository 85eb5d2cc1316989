-- Failed password attempts, shared by every server on the database. One row per throttled key
-- (the hash of a username and client address, or of a client address alone). An attempt is
-- counted here before the password is checked, so concurrent guesses cannot pass the limit, and
-- cleared when it succeeds. Rows whose `expires_at` has passed mean nothing and are pruned.
CREATE TABLE login_attempts (
    throttle_key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    window_started_at TIMESTAMP NOT NULL,
    blocked_until TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_expires_idx ON login_attempts (expires_at);
