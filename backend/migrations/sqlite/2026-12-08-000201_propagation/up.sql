-- The propagation log ("tuyên truyền"): what a unit did to make its exemplars known, where, when
-- and with what reach.
CREATE TABLE propagation_activities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    channel TEXT NOT NULL CHECK (channel IN ('pbgdpl_portal', 'department_portal', 'zalo', 'facebook', 'press', 'conference', 'publication', 'other')),
    title TEXT NOT NULL,
    held_on DATE NOT NULL,
    url TEXT,
    views BIGINT CHECK (views >= 0),
    shares BIGINT CHECK (shares >= 0),
    attendees BIGINT CHECK (attendees >= 0),
    note TEXT,
    search_text TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX propagation_activities_unit_idx ON propagation_activities (unit_id, held_on);
CREATE INDEX propagation_activities_held_idx ON propagation_activities (held_on);

-- The exemplars an activity featured.
CREATE TABLE propagation_exemplars (
    activity_id INTEGER NOT NULL REFERENCES propagation_activities (id) ON DELETE CASCADE,
    exemplar_id INTEGER NOT NULL REFERENCES exemplars (id) ON DELETE CASCADE,
    PRIMARY KEY (activity_id, exemplar_id)
);
CREATE INDEX propagation_exemplars_exemplar_idx ON propagation_exemplars (exemplar_id);

-- Attachments may belong to a propagation activity. SQLite cannot change a CHECK constraint: the
-- table is rebuilt, keeping its rows and its id sequence (removed ids are never reused).
CREATE TABLE attachments_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_type TEXT NOT NULL CHECK (owner_type IN ('exemplar', 'evaluation', 'replication', 'commendation_proposal', 'propagation')),
    owner_id INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    has_thumbnail BOOLEAN NOT NULL,
    caption TEXT,
    uploaded_by INTEGER REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO attachments_new (id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, has_thumbnail, caption, uploaded_by, created_at, version)
    SELECT id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, has_thumbnail, caption, uploaded_by, created_at, version FROM attachments;
DELETE FROM sqlite_sequence WHERE name = 'attachments_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'attachments_new', seq FROM sqlite_sequence WHERE name = 'attachments';
DROP TABLE attachments;
ALTER TABLE attachments_new RENAME TO attachments;
CREATE INDEX attachments_owner_idx ON attachments (owner_type, owner_id);
