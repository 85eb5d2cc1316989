-- The publication of an exemplar on the public portal, decided by the Office: the text shown to
-- the public, the subject's consent (individuals), and when it was published or taken down.
-- Public while published_at is set (and the record confirmed and not stopped: see
-- backend/src/publicity/portal/exemplars.rs).
CREATE TABLE exemplar_publications (
    exemplar_id INTEGER PRIMARY KEY REFERENCES exemplars (id) ON DELETE CASCADE,
    public_summary TEXT NOT NULL,
    consent_given_on DATE,
    consent_method TEXT CHECK (consent_method IN ('written', 'verbal', 'email')),
    consent_recorded_by TEXT,
    consent_note TEXT,
    published_at TIMESTAMP,
    published_by INTEGER REFERENCES users (id),
    unpublished_at TIMESTAMP,
    unpublished_by INTEGER REFERENCES users (id),
    unpublish_reason TEXT,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((consent_given_on IS NULL) = (consent_method IS NULL)
        AND (consent_given_on IS NULL) = (consent_recorded_by IS NULL))
);
CREATE INDEX exemplar_publications_published_idx ON exemplar_publications (published_at);
