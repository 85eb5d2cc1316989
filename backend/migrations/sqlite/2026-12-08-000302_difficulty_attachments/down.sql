DELETE FROM attachments WHERE owner_type = 'difficulty';
CREATE TABLE attachments_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_type TEXT NOT NULL CHECK (owner_type IN ('exemplar', 'evaluation', 'replication')),
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
INSERT INTO attachments_rebuilt (id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, has_thumbnail, caption, uploaded_by, created_at, version)
    SELECT id, owner_type, owner_id, file_name, content_type, size_bytes, sha256, has_thumbnail, caption, uploaded_by, created_at, version FROM attachments;
DROP TABLE attachments;
ALTER TABLE attachments_rebuilt RENAME TO attachments;
CREATE INDEX attachments_owner_idx ON attachments (owner_type, owner_id);
