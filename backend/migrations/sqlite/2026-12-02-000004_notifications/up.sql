-- In-app notifications: what someone is told (a reminder, a decision), with a link to it.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT,
    -- The same reminder is not sent twice to one person: its sender names it.
    dedupe_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications (user_id, dedupe_key);
CREATE INDEX notifications_inbox_idx ON notifications (user_id, id);
