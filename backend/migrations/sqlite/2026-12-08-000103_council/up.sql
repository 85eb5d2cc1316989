-- The Hội đồng Thi đua – Khen thưởng of each year, its members (user accounts of any role), its
-- meetings with their agenda and attendance, and the secret ballots on each nominee.
CREATE TABLE councils (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    year INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    established_by TEXT,
    quorum_percent INTEGER NOT NULL CHECK (quorum_percent BETWEEN 1 AND 100),
    quorum_strict BOOLEAN NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE council_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    council_id INTEGER NOT NULL REFERENCES councils (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'standing', 'member')),
    title TEXT NOT NULL,
    unit_id INTEGER REFERENCES units (id),
    active BOOLEAN NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (council_id, user_id)
);
CREATE INDEX council_members_user_idx ON council_members (user_id, active);

CREATE TABLE council_meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    council_id INTEGER NOT NULL REFERENCES councils (id),
    subject TEXT NOT NULL,
    meets_at TIMESTAMP NOT NULL,
    venue TEXT NOT NULL,
    chair_member_id INTEGER NOT NULL REFERENCES council_members (id),
    secretary_member_id INTEGER NOT NULL REFERENCES council_members (id),
    status TEXT NOT NULL CHECK (status IN ('planned', 'voting', 'closed')),
    content TEXT,
    conclusions TEXT,
    minutes_entry_id INTEGER REFERENCES register_entries (id),
    ended_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX council_meetings_council_idx ON council_meetings (council_id, meets_at);

CREATE TABLE meeting_agenda (
    meeting_id INTEGER NOT NULL REFERENCES council_meetings (id) ON DELETE CASCADE,
    proposal_id INTEGER NOT NULL REFERENCES commendation_proposals (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, proposal_id)
);
CREATE INDEX meeting_agenda_proposal_idx ON meeting_agenda (proposal_id);

CREATE TABLE meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES council_meetings (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES council_members (id),
    present BOOLEAN NOT NULL,
    absence_reason TEXT,
    PRIMARY KEY (meeting_id, member_id)
);

-- One secret ballot per nominee at a meeting. The counts are filled in when it closes, from
-- ballot_choices; the threshold and denominator are the award form version's.
CREATE TABLE ballots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES council_meetings (id),
    proposal_id INTEGER NOT NULL REFERENCES commendation_proposals (id),
    nominee_id INTEGER NOT NULL REFERENCES commendation_nominees (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    threshold_percent INTEGER NOT NULL,
    threshold_strict BOOLEAN NOT NULL,
    denominator TEXT NOT NULL CHECK (denominator IN ('all_members', 'members_present')),
    members_total INTEGER NOT NULL,
    members_present INTEGER NOT NULL,
    approve INTEGER,
    reject INTEGER,
    abstain INTEGER,
    result TEXT CHECK (result IN ('passed', 'failed')),
    opened_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP,
    UNIQUE (meeting_id, nominee_id)
);
CREATE INDEX ballots_proposal_idx ON ballots (proposal_id);

-- Who has voted on a ballot (and how: in person or in writing; a declared conflict of interest),
-- never what: the choices are in ballot_choices, with no member, no time and a random id, so
-- that nothing links a choice to a voter.
CREATE TABLE ballot_voters (
    ballot_id INTEGER NOT NULL REFERENCES ballots (id),
    member_id INTEGER NOT NULL REFERENCES council_members (id),
    mode TEXT NOT NULL CHECK (mode IN ('in_person', 'written')),
    conflict_declared BOOLEAN NOT NULL,
    PRIMARY KEY (ballot_id, member_id)
);

CREATE TABLE ballot_choices (
    id TEXT PRIMARY KEY NOT NULL,
    ballot_id INTEGER NOT NULL REFERENCES ballots (id),
    choice TEXT NOT NULL CHECK (choice IN ('approve', 'reject', 'abstain'))
);
CREATE INDEX ballot_choices_ballot_idx ON ballot_choices (ballot_id, choice);
