-- The reporting calendar: fulfilment records of the reports units and the Office owe, the
-- reminders' claims (each reminder sent once, whichever server sends it), the e-mail outbox,
-- webhook subscriptions with their delivery log, and the difficulties units report to the Office.

-- A report submitted for an obligation (kind, unit or the Office, period): what fulfils it.
CREATE TABLE report_submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    -- NULL: the Office's own report (to Sở Nội vụ).
    unit_id INTEGER REFERENCES units (id),
    period TEXT NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    note TEXT,
    submitted_at TIMESTAMP NOT NULL,
    submitted_by INTEGER REFERENCES users (id),
    decided_at TIMESTAMP,
    decided_by INTEGER REFERENCES users (id),
    decision_note TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX report_submissions_unit_idx ON report_submissions (kind, unit_id, period) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX report_submissions_office_idx ON report_submissions (kind, period) WHERE unit_id IS NULL;

-- One row per reminder of an obligation at an offset through a channel: inserted in the
-- transaction that enqueues it, so a second server (or a second pass) cannot send it again.
CREATE TABLE reminder_claims (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    obligation_key TEXT NOT NULL,
    offset_days INTEGER NOT NULL,
    channel TEXT NOT NULL,
    recipients INTEGER NOT NULL,
    claimed_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX reminder_claims_once_idx ON reminder_claims (obligation_key, offset_days, channel);

-- E-mails waiting to be sent (and sent), one per recipient.
CREATE TABLE email_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    to_address TEXT NOT NULL,
    to_name TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX email_outbox_due_idx ON email_outbox (status, next_attempt_at);

CREATE TABLE webhook_subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    -- Space-separated event names.
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT 1,
    created_by INTEGER REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id INTEGER NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP,
    locked_until TIMESTAMP,
    last_status_code INTEGER,
    last_error TEXT,
    delivered_at TIMESTAMP,
    redelivery_of INTEGER REFERENCES webhook_deliveries (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (subscription_id, id);

-- "Phản ánh khó khăn, vướng mắc": a unit's difficulty, answered by the Office or directed by the leader.
CREATE TABLE difficulties (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    obligation_key TEXT,
    exemplar_id INTEGER REFERENCES exemplars (id),
    status TEXT NOT NULL,
    raised_by INTEGER REFERENCES users (id),
    raised_at TIMESTAMP NOT NULL,
    answer TEXT,
    answered_at TIMESTAMP,
    referral_note TEXT,
    referred_at TIMESTAMP,
    direction TEXT,
    directed_at TIMESTAMP,
    closed_at TIMESTAMP,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX difficulties_unit_idx ON difficulties (unit_id, status);
CREATE INDEX difficulties_raised_idx ON difficulties (raised_at);

-- Every step of a difficulty, with who took it and when.
CREATE TABLE difficulty_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    difficulty_id INTEGER NOT NULL REFERENCES difficulties (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT,
    actor_user_id INTEGER REFERENCES users (id),
    actor_name TEXT NOT NULL,
    occurred_at TIMESTAMP NOT NULL
);
CREATE INDEX difficulty_events_idx ON difficulty_events (difficulty_id, id);
