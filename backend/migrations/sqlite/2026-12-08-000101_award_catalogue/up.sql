-- The award catalogue: emulation titles and forms of commendation, versioned like criteria sets
-- (a published version is frozen; a proposal keeps the version it was judged by), and the dated
-- base salary (lương cơ sở) their reward multiples apply to.
CREATE TABLE award_forms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    version_no INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('title', 'form')),
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('individual', 'collective', 'both')),
    authority TEXT NOT NULL CHECK (authority IN ('giam_doc_so', 'chu_tich_ubnd_tinh', 'bo_truong_bo_tu_phap', 'higher')),
    requires_notice BOOLEAN NOT NULL,
    notice_working_days INTEGER,
    requires_vote BOOLEAN NOT NULL,
    vote_threshold_percent INTEGER NOT NULL CHECK (vote_threshold_percent BETWEEN 1 AND 100),
    vote_threshold_strict BOOLEAN NOT NULL,
    vote_denominator TEXT NOT NULL CHECK (vote_denominator IN ('all_members', 'members_present')),
    -- Reward multiples of the base salary, in hundredths (30 = 0.3 × lương cơ sở); NULL: no reward.
    individual_multiple INTEGER,
    collective_multiple INTEGER,
    legal_basis TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    published_at TIMESTAMP,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (code, version_no)
);
-- At most one draft per code.
CREATE UNIQUE INDEX award_forms_one_draft_idx ON award_forms (code) WHERE status = 'draft';
CREATE INDEX award_forms_status_idx ON award_forms (status, code);

CREATE TABLE base_salaries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    amount BIGINT NOT NULL CHECK (amount > 0),
    effective_from DATE NOT NULL UNIQUE,
    legal_basis TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Number registers (sổ đăng ký văn bản): one counter per document kind and year; every number
-- handed out is an entry, issued or reserved, and a cancelled one is never reused.
CREATE TABLE number_registers (
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (kind, year)
);

CREATE TABLE register_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('qd', 'ttr', 'bb')),
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('reserved', 'issued', 'cancelled')),
    purpose TEXT NOT NULL,
    document_date DATE,
    cancel_reason TEXT,
    created_by INTEGER REFERENCES users (id),
    cancelled_by INTEGER REFERENCES users (id),
    cancelled_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (kind, year, number)
);
