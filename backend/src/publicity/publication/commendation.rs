//! The publication of a decided commendation (one approved nominee of a decided proposal) on the
//! public portal: the text the public reads (defaults to the nominee's achievement), the
//! subject's consent (individuals), publishing and taking down. The same workflow table and
//! requests as an exemplar's publication; each write is a compare-and-set on the publication's
//! version (0 while there is no row) and a step on the proposal's timeline.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Principal;
use crate::commendations::proposals::{NomineeRow, ProposalRow};
use crate::commendations::timeline;
use crate::commendations::types::{NomineeOutcome, ProposalState};
use crate::db::DbConnection;
use crate::db::schema::{award_forms, commendation_publications, units};
use crate::db::search;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::exemplars::types::SubjectKind;
use crate::http::etag::{IfMatch, stale};
use crate::publicity::PublicitySettings;
use crate::publicity::publication::model::{
    Consent, PublicationInput, PublishRequest, UnpublishRequest,
};
use crate::publicity::publication::types::{ConsentMethod, PublicationStatus};
use crate::publicity::publication::workflow::{
    self, AllowedPublicationAction, Blocker, PublicationAction,
};
use crate::versioned_update;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = commendation_publications)]
pub struct PublicationRow {
    pub nominee_id: i64,
    pub public_summary: String,
    pub consent_given_on: Option<NaiveDate>,
    pub consent_method: Option<ConsentMethod>,
    pub consent_recorded_by: Option<String>,
    pub consent_note: Option<String>,
    pub published_at: Option<NaiveDateTime>,
    pub published_by: Option<i64>,
    pub unpublished_at: Option<NaiveDateTime>,
    pub unpublished_by: Option<i64>,
    pub unpublish_reason: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl PublicationRow {
    fn status(&self) -> PublicationStatus {
        if self.published_at.is_some() {
            PublicationStatus::Published
        } else if self.unpublished_at.is_some() {
            PublicationStatus::Unpublished
        } else {
            PublicationStatus::NotPublished
        }
    }

    fn consent(&self) -> Option<Consent> {
        Consent::from_columns(
            self.consent_given_on,
            self.consent_method,
            self.consent_recorded_by.as_deref(),
            self.consent_note.as_deref(),
        )
    }
}

/// The states of a proposal whose approved nominees hold a decision in force (the SQL of
/// [`public_commendations!`] lists the same two).
pub const DECIDED_STATES: [ProposalState; 2] = [ProposalState::Approved, ProposalState::Awarded];

/// The public rule of commendations as SQL: filters a query over `commendation_publications`
/// joined with `commendation_nominees` and `commendation_proposals` to the public rows (published
/// by the Office, the nominee approved, the proposal decided).
#[macro_export]
macro_rules! public_commendations {
    ($query:expr) => {{
        use diesel::prelude::*;
        use $crate::db::schema::{
            commendation_nominees, commendation_proposals, commendation_publications,
        };
        $query
            .filter(commendation_publications::published_at.is_not_null())
            .filter(
                commendation_nominees::outcome
                    .eq($crate::commendations::types::NomineeOutcome::Approved),
            )
            .filter(
                commendation_proposals::state
                    .eq($crate::commendations::types::ProposalState::Approved)
                    .or(commendation_proposals::state
                        .eq($crate::commendations::types::ProposalState::Awarded)),
            )
    }};
}

/// The nominee holds a decision in force: approved in an approved or awarded proposal.
pub fn is_decided(proposal: &ProposalRow, nominee: &NomineeRow) -> bool {
    nominee.outcome == NomineeOutcome::Approved && DECIDED_STATES.contains(&proposal.state)
}

fn blocker(proposal: &ProposalRow, nominee: &NomineeRow, has_consent: bool) -> Option<Blocker> {
    if !is_decided(proposal, nominee) {
        Some(Blocker::NotDecided)
    } else if nominee.subject_kind == SubjectKind::Individual && !has_consent {
        Some(Blocker::ConsentMissing)
    } else {
        None
    }
}

/// A decided commendation's publication as the API serves it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommendationPublication {
    pub nominee_id: i64,
    pub proposal_id: i64,
    pub status: PublicationStatus,
    /// The portal shows it now: published, and the nominee approved by a decision in force.
    pub public: bool,
    /// The nominee is approved by a decision in force (publishing is possible).
    pub decided: bool,
    /// The text the public reads (until one is saved: the nominee's achievement).
    pub public_summary: String,
    /// An individual: publishing needs the consent.
    pub consent_required: bool,
    pub consent: Option<Consent>,
    pub published_at: Option<DateTime<Utc>>,
    pub published_by: Option<i64>,
    pub unpublished_at: Option<DateTime<Utc>>,
    pub unpublished_by: Option<i64>,
    pub unpublish_reason: Option<String>,
    /// The public page (while public).
    pub public_url: Option<String>,
    /// What the caller may do now.
    pub allowed_actions: Vec<AllowedPublicationAction>,
    /// 0 until the first save (send `If-Match: "0"`).
    pub version: i32,
    pub updated_at: Option<DateTime<Utc>>,
}

pub fn find(conn: &mut DbConnection, nominee_id: i64) -> AppResult<Option<PublicationRow>> {
    Ok(commendation_publications::table
        .find(nominee_id)
        .select(PublicationRow::as_select())
        .first(conn)
        .optional()?)
}

fn status_of(row: Option<&PublicationRow>) -> PublicationStatus {
    row.map_or(PublicationStatus::NotPublished, PublicationRow::status)
}

/// The publication of `nominee` as `principal` sees it.
pub fn view(
    principal: &Principal,
    proposal: &ProposalRow,
    nominee: &NomineeRow,
    row: Option<&PublicationRow>,
    links: &PublicitySettings,
) -> CommendationPublication {
    let status = status_of(row);
    let consent = row.and_then(PublicationRow::consent);
    let decided = is_decided(proposal, nominee);
    let public = decided && row.is_some_and(|r| r.published_at.is_some());
    CommendationPublication {
        nominee_id: nominee.id,
        proposal_id: proposal.id,
        status,
        public,
        decided,
        public_summary: row
            .map_or_else(|| nominee.achievement.clone(), |r| r.public_summary.clone()),
        consent_required: nominee.subject_kind == SubjectKind::Individual,
        published_at: row.and_then(|r| r.published_at).map(|t| t.and_utc()),
        published_by: row.and_then(|r| r.published_by),
        unpublished_at: row.and_then(|r| r.unpublished_at).map(|t| t.and_utc()),
        unpublished_by: row.and_then(|r| r.unpublished_by),
        unpublish_reason: row.and_then(|r| r.unpublish_reason.clone()),
        public_url: public.then(|| links.commendation_page(nominee.id)),
        allowed_actions: workflow::allowed_actions(
            principal,
            proposal.unit_id,
            status,
            blocker(proposal, nominee, consent.is_some()),
        ),
        consent,
        version: row.map_or(0, |r| r.version),
        updated_at: row.map(|r| r.updated_at.and_utc()),
    }
}

/// The folded text the public search reads: only what the public sees.
fn search_text(
    conn: &mut DbConnection,
    proposal: &ProposalRow,
    nominee: &NomineeRow,
    public_summary: &str,
) -> AppResult<String> {
    let form: String = award_forms::table
        .find(proposal.award_form_id)
        .select(award_forms::name)
        .first(conn)?;
    let unit: String = units::table
        .find(proposal.unit_id)
        .select(units::name)
        .first(conn)?;
    Ok(search::document([
        nominee.full_name.as_str(),
        nominee.job_title.as_deref().unwrap_or(""),
        nominee.workplace.as_str(),
        unit.as_str(),
        form.as_str(),
        public_summary,
    ]))
}

/// A concurrent first writer inserted the row first: this writer's version is stale.
fn inserted_meanwhile(error: diesel::result::Error) -> AppError {
    match error {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => stale(),
        other => other.into(),
    }
}

/// What a write sets, besides the version: the text, the consent, and (when changing) the
/// published and taken-down columns.
struct Fields<'a> {
    public_summary: &'a str,
    consent: Option<&'a Consent>,
    published: Option<(Option<NaiveDateTime>, Option<i64>)>,
    unpublished: Option<(Option<NaiveDateTime>, Option<i64>, Option<&'a str>)>,
}

/// The subject being written: the decided proposal and its nominee.
pub struct Subject<'a> {
    pub proposal: &'a ProposalRow,
    pub nominee: &'a NomineeRow,
}

fn write(
    conn: &mut DbConnection,
    subject: &Subject<'_>,
    current: Option<&PublicationRow>,
    expected: i32,
    now: NaiveDateTime,
    fields: Fields<'_>,
) -> AppResult<()> {
    let search = search_text(
        conn,
        subject.proposal,
        subject.nominee,
        fields.public_summary,
    )?;
    let consent = fields.consent;
    let (published_at, published_by) = fields.published.unwrap_or((
        current.and_then(|c| c.published_at),
        current.and_then(|c| c.published_by),
    ));
    let (unpublished_at, unpublished_by, reason) = fields.unpublished.unwrap_or((
        current.and_then(|c| c.unpublished_at),
        current.and_then(|c| c.unpublished_by),
        current.and_then(|c| c.unpublish_reason.as_deref()),
    ));
    let values = (
        commendation_publications::public_summary.eq(fields.public_summary),
        commendation_publications::consent_given_on.eq(consent.map(|c| c.given_on)),
        commendation_publications::consent_method.eq(consent.map(|c| c.method)),
        commendation_publications::consent_recorded_by.eq(consent.map(|c| c.recorded_by.as_str())),
        commendation_publications::consent_note.eq(consent.and_then(|c| c.note.as_deref())),
        commendation_publications::published_at.eq(published_at),
        commendation_publications::published_by.eq(published_by),
        commendation_publications::unpublished_at.eq(unpublished_at),
        commendation_publications::unpublished_by.eq(unpublished_by),
        commendation_publications::unpublish_reason.eq(reason),
        commendation_publications::search_text.eq(&search),
    );
    if current.is_none() {
        if expected != 0 {
            return Err(stale());
        }
        diesel::insert_into(commendation_publications::table)
            .values((
                commendation_publications::nominee_id.eq(subject.nominee.id),
                values,
                commendation_publications::version.eq(1),
                commendation_publications::created_at.eq(now),
                commendation_publications::updated_at.eq(now),
            ))
            .execute(conn)
            .map_err(inserted_meanwhile)?;
        return Ok(());
    }
    versioned_update!(
        conn,
        commendation_publications,
        subject.nominee.id,
        expected,
        now,
        (values,)
    )
    .map(|_| ())
}

/// Authorises `action` and checks the client's version: the current row and its version.
fn begin(
    conn: &mut DbConnection,
    principal: &Principal,
    subject: &Subject<'_>,
    if_match: IfMatch,
    action: PublicationAction,
) -> AppResult<(Option<PublicationRow>, i32)> {
    let current = find(conn, subject.nominee.id)?;
    workflow::authorize(
        principal,
        subject.proposal.unit_id,
        status_of(current.as_ref()),
        action,
    )?;
    let expected = if_match.expect(current.as_ref().map_or(0, |c| c.version))?;
    Ok((current, expected))
}

fn record(
    conn: &mut DbConnection,
    principal: &Principal,
    subject: &Subject<'_>,
    now: NaiveDateTime,
    action: &str,
    note: String,
) -> AppResult<()> {
    timeline::record(
        conn,
        subject.proposal.id,
        principal,
        now,
        action,
        (None, None),
        Some(&note),
    )
}

/// Saves the public text and the consent (while published, the public page changes at once).
pub fn save(
    conn: &mut DbConnection,
    principal: &Principal,
    subject: &Subject<'_>,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &PublicationInput,
) -> AppResult<()> {
    let (current, expected) = begin(conn, principal, subject, if_match, PublicationAction::Edit)?;
    let consent = input.consent.as_ref().map(|c| c.consent(principal));
    if status_of(current.as_ref()) == PublicationStatus::Published
        && subject.nominee.subject_kind == SubjectKind::Individual
        && consent.is_none()
    {
        return Err(AppError::new(ErrorCode::Conflict).with_detail(
            "Khen thưởng của cá nhân đang được công bố: không xóa được sự đồng ý. Nếu cá nhân rút lại sự đồng ý, hãy gỡ công bố.",
        ));
    }
    write(
        conn,
        subject,
        current.as_ref(),
        expected,
        now,
        Fields {
            public_summary: &input.public_summary,
            consent: consent.as_ref(),
            published: None,
            unpublished: None,
        },
    )?;
    let note = format!("Cập nhật nội dung công bố: {}", subject.nominee.full_name);
    record(conn, principal, subject, now, "edit_publication", note)
}

/// Publishes: the nominee approved by a decision in force, an individual's consent recorded (now
/// or before); the text given now, saved before, or the achievement.
pub fn publish(
    conn: &mut DbConnection,
    principal: &Principal,
    subject: &Subject<'_>,
    if_match: IfMatch,
    now: NaiveDateTime,
    request: &PublishRequest,
) -> AppResult<()> {
    let (current, expected) = begin(
        conn,
        principal,
        subject,
        if_match,
        PublicationAction::Publish,
    )?;
    let consent = request
        .consent
        .as_ref()
        .map(|c| c.consent(principal))
        .or_else(|| current.as_ref().and_then(PublicationRow::consent));
    if let Some(blocker) = blocker(subject.proposal, subject.nominee, consent.is_some()) {
        return Err(blocker.error());
    }
    let summary = request
        .public_summary
        .clone()
        .or_else(|| current.as_ref().map(|c| c.public_summary.clone()))
        .unwrap_or_else(|| subject.nominee.achievement.clone());
    write(
        conn,
        subject,
        current.as_ref(),
        expected,
        now,
        Fields {
            public_summary: &summary,
            consent: consent.as_ref(),
            published: Some((Some(now), principal.user_id())),
            unpublished: Some((None, None, None)),
        },
    )?;
    let note = format!("Công bố khen thưởng: {}", subject.nominee.full_name);
    record(conn, principal, subject, now, "publish", note)
}

/// Takes the publication down at once: from this moment nothing of it is served publicly.
pub fn unpublish(
    conn: &mut DbConnection,
    principal: &Principal,
    subject: &Subject<'_>,
    if_match: IfMatch,
    now: NaiveDateTime,
    request: &UnpublishRequest,
) -> AppResult<()> {
    let (current, expected) = begin(
        conn,
        principal,
        subject,
        if_match,
        PublicationAction::Unpublish,
    )?;
    let Some(row) = current.as_ref() else {
        return Err(AppError::internal(
            "a published commendation without a publication row",
        ));
    };
    let consent = row.consent();
    write(
        conn,
        subject,
        current.as_ref(),
        expected,
        now,
        Fields {
            public_summary: &row.public_summary,
            consent: consent.as_ref(),
            published: Some((None, None)),
            unpublished: Some((Some(now), principal.user_id(), Some(&request.reason))),
        },
    )?;
    let note = format!(
        "Gỡ công bố khen thưởng: {} ({})",
        subject.nominee.full_name, request.reason
    );
    record(conn, principal, subject, now, "unpublish", note)
}
