-- The publication of a decided commendation (one approved nominee of a decided proposal) on the
-- public portal, by the Office: the text the public reads, the subject's consent (individuals),
-- and when it was published or taken down. Public while published_at is set and the nominee is
-- approved in a proposal that is approved or awarded (backend/src/commendations/publication/rule.rs).
CREATE TABLE commendation_publications (
    nominee_id INTEGER PRIMARY KEY REFERENCES commendation_nominees (id) ON DELETE CASCADE,
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
CREATE INDEX commendation_publications_published_idx ON commendation_publications (published_at);
