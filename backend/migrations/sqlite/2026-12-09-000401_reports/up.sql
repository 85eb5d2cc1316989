-- Reports written in Lan Tỏa: a unit's annual report or review, the Office's consolidated
-- report, or an on-demand report for any period. Narrative sections are edited in the draft; the
-- figures are frozen (a JSON snapshot) when the report is submitted, through the report
-- submission that fulfils the obligation.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    -- NULL: the Office's consolidated report (or a Department-wide on-demand report).
    unit_id INTEGER REFERENCES units (id),
    period TEXT NOT NULL,
    period_from DATE NOT NULL,
    period_to DATE NOT NULL,
    title TEXT NOT NULL,
    achievements TEXT NOT NULL DEFAULT '',
    shortcomings TEXT NOT NULL DEFAULT '',
    causes TEXT NOT NULL DEFAULT '',
    lessons TEXT NOT NULL DEFAULT '',
    directions TEXT NOT NULL DEFAULT '',
    recommendations TEXT NOT NULL DEFAULT '',
    submission_id INTEGER REFERENCES report_submissions (id),
    figures TEXT,
    frozen_at TIMESTAMP,
    created_by INTEGER REFERENCES users (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX reports_unit_idx ON reports (kind, unit_id, period) WHERE unit_id IS NOT NULL AND kind <> 'on_demand';
CREATE UNIQUE INDEX reports_office_idx ON reports (kind, period) WHERE unit_id IS NULL AND kind <> 'on_demand';
CREATE UNIQUE INDEX reports_submission_idx ON reports (submission_id) WHERE submission_id IS NOT NULL;
