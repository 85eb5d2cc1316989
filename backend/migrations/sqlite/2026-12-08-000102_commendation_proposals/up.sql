-- Commendation proposals (hồ sơ đề nghị khen thưởng): the occasions they are made for, the
-- proposals with their nominees, timeline and typed attachments, and the public notice's comments.
-- Attachments may now belong to a commendation proposal. SQLite cannot alter a CHECK constraint:
-- the table is rebuilt with its rows and ids (no foreign key refers to it yet).
CREATE TABLE attachments_rebuilt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_type TEXT NOT NULL CHECK (owner_type IN ('exemplar', 'evaluation', 'replication', 'commendation_proposal')),
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

CREATE TABLE commendation_occasions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('year_end', 'mid_term_review', 'final_review', 'sector_day', 'law_day', 'movement_review', 'other')),
    year INTEGER,
    occurs_on DATE,
    movement_id INTEGER REFERENCES movements (id),
    description TEXT,
    active BOOLEAN NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE commendation_proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    award_form_id INTEGER NOT NULL REFERENCES award_forms (id),
    commendation_type TEXT NOT NULL CHECK (commendation_type IN ('regular', 'ad_hoc', 'thematic', 'special')),
    occasion_id INTEGER REFERENCES commendation_occasions (id),
    movement_id INTEGER REFERENCES movements (id),
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    summary TEXT,
    state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'received', 'returned', 'reviewed', 'in_notice', 'in_council', 'pending_decision', 'approved', 'rejected', 'forwarded', 'awarded')),
    return_reason TEXT,
    notice_starts_at TIMESTAMP,
    notice_ends_at TIMESTAMP,
    decision_entry_id INTEGER REFERENCES register_entries (id),
    decided_on DATE,
    signer_authority TEXT,
    signer_title TEXT,
    signer_name TEXT,
    rejection_reason TEXT,
    forward_entry_id INTEGER REFERENCES register_entries (id),
    forwarded_on DATE,
    higher_decision_number TEXT,
    higher_decision_date DATE,
    awarded_on DATE,
    search_text TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX commendation_proposals_unit_idx ON commendation_proposals (unit_id, state);
CREATE INDEX commendation_proposals_state_idx ON commendation_proposals (state, notice_starts_at);
CREATE INDEX commendation_proposals_form_idx ON commendation_proposals (award_form_id);
CREATE INDEX commendation_proposals_occasion_idx ON commendation_proposals (occasion_id);
CREATE UNIQUE INDEX commendation_proposals_decision_idx ON commendation_proposals (decision_entry_id);
CREATE UNIQUE INDEX commendation_proposals_forward_idx ON commendation_proposals (forward_entry_id);

-- subject_key (folded name | unit) matches a nominee with the facts recorded about them.
CREATE TABLE commendation_nominees (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES commendation_proposals (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('individual', 'collective')),
    exemplar_id INTEGER REFERENCES exemplars (id),
    full_name TEXT NOT NULL,
    job_title TEXT,
    unit_id INTEGER REFERENCES units (id),
    workplace TEXT NOT NULL,
    member_count INTEGER,
    members_completed INTEGER,
    recognised_initiatives INTEGER NOT NULL DEFAULT 0,
    achievement TEXT NOT NULL,
    subject_key TEXT NOT NULL,
    review TEXT NOT NULL CHECK (review IN ('pending', 'eligible', 'not_eligible')),
    review_reason TEXT,
    vote_result TEXT CHECK (vote_result IN ('passed', 'failed')),
    outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'approved', 'rejected')),
    outcome_reason TEXT,
    reward_amount BIGINT
);
CREATE INDEX commendation_nominees_proposal_idx ON commendation_nominees (proposal_id, position);
CREATE INDEX commendation_nominees_subject_idx ON commendation_nominees (subject_key);
CREATE INDEX commendation_nominees_exemplar_idx ON commendation_nominees (exemplar_id);

CREATE TABLE commendation_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES commendation_proposals (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT,
    note TEXT,
    actor_user_id INTEGER REFERENCES users (id),
    actor_name TEXT NOT NULL,
    occurred_at TIMESTAMP NOT NULL
);
CREATE INDEX commendation_events_proposal_idx ON commendation_events (proposal_id, id);

-- The kind of each file attached to a proposal (the file itself is in attachments).
CREATE TABLE commendation_attachments (
    attachment_id INTEGER PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES commendation_proposals (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('to_trinh', 'bien_ban_hop_xet', 'bao_cao_thanh_tich', 'evidence', 'other'))
);
CREATE INDEX commendation_attachments_proposal_idx ON commendation_attachments (proposal_id, kind);

-- Public comments on a notice; shown publicly only once approved; contact never shown.
CREATE TABLE notice_comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id INTEGER NOT NULL REFERENCES commendation_proposals (id) ON DELETE CASCADE,
    nominee_id INTEGER REFERENCES commendation_nominees (id) ON DELETE CASCADE,
    author_name TEXT NOT NULL,
    contact TEXT,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    moderation_reason TEXT,
    moderated_by INTEGER REFERENCES users (id),
    moderated_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX notice_comments_proposal_idx ON notice_comments (proposal_id, status, id);

-- How many comments each client address (hashed) sent in the current window; expired rows are
-- pruned on the fly.
CREATE TABLE notice_comment_quota (
    client_key TEXT PRIMARY KEY NOT NULL,
    comments INTEGER NOT NULL,
    window_started_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX notice_comment_quota_expires_idx ON notice_comment_quota (expires_at);
