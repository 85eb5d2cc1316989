-- Attachments are removed with If-Match like every other record; files are never edited, so
-- the version stays 1 until the row is deleted.
ALTER TABLE attachments ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
