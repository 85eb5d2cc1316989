CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE movements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT,
    legal_basis TEXT,
    legal_basis_date DATE,
    starts_on DATE NOT NULL,
    ends_on DATE,
    active BOOLEAN NOT NULL DEFAULT 1,
    closed_at TIMESTAMP,
    search_text TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE exemplars (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('individual', 'collective')),
    name TEXT NOT NULL,
    position TEXT,
    title TEXT,
    member_count INTEGER,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    category TEXT NOT NULL CHECK (category IN ('advanced', 'new_model', 'new_factor', 'good_deed')),
    field_of_work TEXT NOT NULL,
    achievements TEXT NOT NULL,
    discovered_on DATE NOT NULL,
    discovery_method TEXT,
    discovered_by TEXT,
    stage TEXT NOT NULL CHECK (stage IN ('discovered', 'nurturing', 'summarized', 'replicated', 'stopped', 'archived')),
    stage_changed_at TIMESTAMP NOT NULL,
    stopped_reason TEXT,
    record_status TEXT NOT NULL CHECK (record_status IN ('draft', 'submitted', 'confirmed')),
    proposed_stage TEXT,
    proposed_note TEXT,
    proposed_by INTEGER REFERENCES users (id),
    proposed_at TIMESTAMP,
    current_conclusion TEXT CHECK (current_conclusion IN ('passed', 'not_passed', 'needs_nurturing')),
    discovery_year INTEGER NOT NULL,
    search_text TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX exemplars_unit_stage_idx ON exemplars (unit_id, stage);
CREATE INDEX exemplars_stage_name_idx ON exemplars (stage, sort_name);
CREATE INDEX exemplars_category_year_idx ON exemplars (category, discovery_year);
CREATE INDEX exemplars_year_idx ON exemplars (discovery_year);
CREATE INDEX exemplars_conclusion_idx ON exemplars (current_conclusion);
CREATE INDEX exemplars_sort_name_idx ON exemplars (sort_name);
CREATE INDEX exemplars_updated_idx ON exemplars (updated_at);
CREATE INDEX exemplars_field_idx ON exemplars (field_of_work);

-- unit_id repeats the exemplar's unit so that "this movement in this unit" is one index range.
CREATE TABLE exemplar_movements (
    exemplar_id INTEGER NOT NULL REFERENCES exemplars (id) ON DELETE CASCADE,
    movement_id INTEGER NOT NULL REFERENCES movements (id),
    unit_id INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (exemplar_id, movement_id)
);
CREATE INDEX exemplar_movements_movement_idx ON exemplar_movements (movement_id, unit_id, exemplar_id);

CREATE TABLE initiatives (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exemplar_id INTEGER NOT NULL REFERENCES exemplars (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    year INTEGER,
    recognised_by TEXT,
    scope TEXT
);
CREATE INDEX initiatives_exemplar_idx ON initiatives (exemplar_id);

CREATE TABLE stage_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exemplar_id INTEGER NOT NULL REFERENCES exemplars (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    from_stage TEXT,
    to_stage TEXT,
    note TEXT,
    actor_user_id INTEGER REFERENCES users (id),
    actor_name TEXT NOT NULL,
    occurred_at TIMESTAMP NOT NULL
);
CREATE INDEX stage_events_exemplar_idx ON stage_events (exemplar_id);

CREATE TABLE nurturing_plans (
    exemplar_id INTEGER PRIMARY KEY REFERENCES exemplars (id) ON DELETE CASCADE,
    strengths TEXT NOT NULL,
    shortcomings TEXT NOT NULL,
    measures TEXT NOT NULL,
    support TEXT,
    mentor TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE milestones (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exemplar_id INTEGER NOT NULL REFERENCES exemplars (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    due_on DATE NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'missed')),
    note TEXT
);
CREATE INDEX milestones_exemplar_idx ON milestones (exemplar_id);

CREATE TABLE summaries (
    exemplar_id INTEGER PRIMARY KEY REFERENCES exemplars (id) ON DELETE CASCADE,
    good_practice TEXT NOT NULL,
    lessons TEXT NOT NULL,
    results TEXT NOT NULL,
    figures TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE replications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exemplar_id INTEGER NOT NULL REFERENCES exemplars (id) ON DELETE CASCADE,
    adopter_unit_id INTEGER REFERENCES units (id),
    adopter_name TEXT NOT NULL,
    adopted_on DATE NOT NULL,
    scale TEXT NOT NULL,
    outcome TEXT NOT NULL,
    evidence TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX replications_exemplar_idx ON replications (exemplar_id);

CREATE TABLE introductions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    month TEXT NOT NULL,
    title TEXT NOT NULL,
    write_up TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    submitted_at TIMESTAMP,
    on_time BOOLEAN,
    created_by INTEGER REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX introductions_month_idx ON introductions (month, unit_id);

CREATE TABLE introduction_exemplars (
    introduction_id INTEGER NOT NULL REFERENCES introductions (id) ON DELETE CASCADE,
    exemplar_id INTEGER NOT NULL REFERENCES exemplars (id),
    PRIMARY KEY (introduction_id, exemplar_id)
);
CREATE INDEX introduction_exemplars_exemplar_idx ON introduction_exemplars (exemplar_id);

CREATE TABLE criteria_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    version_no INTEGER NOT NULL,
    name TEXT NOT NULL,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('individual', 'collective')),
    description TEXT,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    pass_threshold INTEGER NOT NULL,
    nurture_threshold INTEGER NOT NULL,
    published_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (code, version_no)
);

CREATE TABLE criteria (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    set_id INTEGER NOT NULL REFERENCES criteria_sets (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    guidance TEXT,
    weight INTEGER NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('pass_fail', 'score')),
    max_score INTEGER
);
CREATE INDEX criteria_set_idx ON criteria (set_id);

CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    exemplar_id INTEGER NOT NULL REFERENCES exemplars (id),
    criteria_set_id INTEGER NOT NULL REFERENCES criteria_sets (id),
    evaluator_user_id INTEGER NOT NULL REFERENCES users (id),
    evaluator_kind TEXT NOT NULL CHECK (evaluator_kind IN ('self_assessment', 'office_review', 'council_member')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
    score_percent INTEGER,
    computed_conclusion TEXT,
    conclusion_override TEXT,
    override_reason TEXT,
    conclusion TEXT,
    comment TEXT,
    supersedes_id INTEGER REFERENCES evaluations (id),
    superseded_at TIMESTAMP,
    finalised_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX evaluations_exemplar_idx ON evaluations (exemplar_id);

CREATE TABLE evaluation_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    evaluation_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criteria (id),
    met BOOLEAN,
    score INTEGER,
    evidence TEXT,
    comment TEXT,
    UNIQUE (evaluation_id, criterion_id)
);

CREATE TABLE attachments (
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
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX attachments_owner_idx ON attachments (owner_type, owner_id);

-- Full-text search over the folded (lower-case, accent-free) search_text, kept in step by triggers.
-- Prefix indexes make "the last word typed so far" queries (van*, giai*) a single lookup.
CREATE VIRTUAL TABLE exemplars_fts USING fts5 (
    search_text, content = 'exemplars', content_rowid = 'id', tokenize = 'unicode61', prefix = '2 3 4 5 6'
);
CREATE TRIGGER exemplars_fts_insert AFTER INSERT ON exemplars BEGIN
    INSERT INTO exemplars_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER exemplars_fts_delete AFTER DELETE ON exemplars BEGIN
    INSERT INTO exemplars_fts (exemplars_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER exemplars_fts_update AFTER UPDATE OF search_text ON exemplars BEGIN
    INSERT INTO exemplars_fts (exemplars_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO exemplars_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
