-- Eligibility rules as data (each a check the code implements, with its parameters, severity and
-- legal basis) and the facts they read: titles and awards held by year, discipline records and
-- pending cases.
CREATE TABLE eligibility_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    check_kind TEXT NOT NULL,
    award_form_code TEXT,
    severity TEXT NOT NULL CHECK (severity IN ('warning', 'block')),
    title_code TEXT,
    percent INTEGER,
    strict BOOLEAN NOT NULL DEFAULT 0,
    min_count INTEGER,
    discipline_level TEXT,
    legal_basis TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT 1,
    position INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE title_records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('individual', 'collective')),
    full_name TEXT NOT NULL,
    unit_id INTEGER REFERENCES units (id),
    workplace TEXT NOT NULL,
    exemplar_id INTEGER REFERENCES exemplars (id),
    subject_key TEXT NOT NULL,
    title_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    commendation_type TEXT NOT NULL CHECK (commendation_type IN ('regular', 'ad_hoc', 'thematic', 'special')),
    decision_ref TEXT,
    decided_on DATE,
    proposal_id INTEGER REFERENCES commendation_proposals (id),
    source TEXT NOT NULL CHECK (source IN ('manual', 'import', 'decision')),
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX title_records_subject_idx ON title_records (subject_key, year);
CREATE INDEX title_records_unit_idx ON title_records (unit_id, year, title_code);
CREATE INDEX title_records_exemplar_idx ON title_records (exemplar_id);

CREATE TABLE discipline_records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    full_name TEXT NOT NULL,
    unit_id INTEGER REFERENCES units (id),
    workplace TEXT NOT NULL,
    exemplar_id INTEGER REFERENCES exemplars (id),
    subject_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('discipline', 'pending_discipline', 'pending_inspection', 'pending_complaint', 'pending_investigation')),
    level TEXT CHECK (level IN ('khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec')),
    starts_on DATE NOT NULL,
    ends_on DATE,
    note TEXT,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX discipline_records_subject_idx ON discipline_records (subject_key);
CREATE INDEX discipline_records_unit_idx ON discipline_records (unit_id);
CREATE INDEX discipline_records_exemplar_idx ON discipline_records (exemplar_id);
