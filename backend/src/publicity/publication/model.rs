//! An exemplar's publication: its row (none until the Office first saves or publishes), the
//! requests that change it, and the writes, each a compare-and-set on the publication's version
//! (version 0, ETag `"0"`, while there is no row: the first write inserts it, and of concurrent
//! first writers only one can), each on the exemplar's timeline.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::rule;
use super::types::{ConsentMethod, PublicationStatus};
use super::workflow::{self, AllowedPublicationAction, Facts, PublicationAction};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::{exemplar_movements, exemplar_publications, initiatives, movements, units};
use crate::db::search;
use crate::error::{AppError, AppResult, FieldError};
use crate::exemplars::model::ExemplarRow;
use crate::exemplars::timeline::{self, Step};
use crate::exemplars::types::{SubjectKind, TimelineAction};
use crate::http::etag::{IfMatch, stale};
use crate::http::text::control_character_error;
use crate::publicity::PublicitySettings;
use crate::time::Day;
use crate::versioned_update;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = exemplar_publications)]
pub struct PublicationRow {
    pub exemplar_id: i64,
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
    pub fn status(&self) -> PublicationStatus {
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

/// The subject's agreement to be published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    pub given_on: NaiveDate,
    pub method: ConsentMethod,
    /// Who obtained and recorded it ("Lê Văn Minh, Giám đốc Trung tâm").
    pub recorded_by: String,
    /// Where the written consent is kept, or what was agreed.
    pub note: Option<String>,
}

impl Consent {
    /// The consent stored in a publication's columns (all or none are set).
    pub fn from_columns(
        given_on: Option<NaiveDate>,
        method: Option<ConsentMethod>,
        recorded_by: Option<&str>,
        note: Option<&str>,
    ) -> Option<Consent> {
        match (given_on, method, recorded_by) {
            (Some(given_on), Some(method), Some(recorded_by)) => Some(Consent {
                given_on,
                method,
                recorded_by: recorded_by.to_owned(),
                note: note.map(str::to_owned),
            }),
            _ => None,
        }
    }
}

/// The subject's consent, as recorded by the Office.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsentInput {
    /// The day the subject agreed (not after today).
    pub given_on: Day,
    pub method: ConsentMethod,
    /// Who obtained it; the caller's name when omitted.
    #[validate(length(min = 2, max = 200))]
    #[schema(min_length = 2, max_length = 200)]
    pub recorded_by: Option<String>,
    #[validate(length(max = 1000))]
    #[schema(max_length = 1000)]
    pub note: Option<String>,
}

/// What the public reads, and the consent: saved without publishing (or while published, which
/// changes the public page at once).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublicationInput {
    /// The text shown on the public page, in the feed and in the share kit (no internal notes,
    /// no personal data beyond what the subject agreed to).
    #[validate(length(min = 10, max = 5000))]
    #[schema(min_length = 10, max_length = 5000)]
    pub public_summary: String,
    /// Required to publish an individual; `null` removes it (not while an individual is
    /// published).
    #[validate(nested)]
    pub consent: Option<ConsentInput>,
}

/// Publishing, optionally with the text and the consent in the same step.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublishRequest {
    /// Replaces the saved text (default: the saved one, else the achievements).
    #[validate(length(min = 10, max = 5000))]
    #[schema(min_length = 10, max_length = 5000)]
    pub public_summary: Option<String>,
    /// Records the consent now (default: the one saved).
    #[validate(nested)]
    pub consent: Option<ConsentInput>,
}

/// Taking a publication down.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnpublishRequest {
    /// Why ("Cá nhân rút lại sự đồng ý", "Đang xem xét phản ánh").
    #[validate(length(min = 5, max = 1000))]
    #[schema(min_length = 5, max_length = 1000)]
    pub reason: String,
}

pub fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

impl ConsentInput {
    pub fn normalized(mut self) -> Self {
        self.recorded_by = trimmed(self.recorded_by);
        self.note = trimmed(self.note);
        self
    }

    pub fn extra_errors(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if *self.given_on > today {
            errors.push(FieldError::new(
                "consent.givenOn",
                "future",
                "Ngày đồng ý không được sau hôm nay.",
            ));
        }
        if self.given_on.year() < 2000 {
            errors.push(FieldError::new(
                "consent.givenOn",
                "range",
                "Ngày đồng ý phải từ năm 2000.",
            ));
        }
        if let Some(error) = self
            .recorded_by
            .as_deref()
            .and_then(|name| control_character_error("consent.recordedBy", name, false))
        {
            errors.push(error);
        }
        errors
    }

    pub fn consent(&self, principal: &Principal) -> Consent {
        Consent {
            given_on: *self.given_on,
            method: self.method,
            recorded_by: self
                .recorded_by
                .clone()
                .unwrap_or_else(|| principal.display_name.clone()),
            note: self.note.clone(),
        }
    }
}

impl PublicationInput {
    pub fn normalized(mut self) -> Self {
        self.public_summary = self.public_summary.trim().to_owned();
        self.consent = self.consent.map(ConsentInput::normalized);
        self
    }

    pub fn extra_errors(&self, today: NaiveDate) -> Vec<FieldError> {
        self.consent
            .as_ref()
            .map(|c| c.extra_errors(today))
            .unwrap_or_default()
    }
}

impl PublishRequest {
    pub fn normalized(mut self) -> Self {
        self.public_summary = trimmed(self.public_summary);
        self.consent = self.consent.map(ConsentInput::normalized);
        self
    }

    pub fn extra_errors(&self, today: NaiveDate) -> Vec<FieldError> {
        self.consent
            .as_ref()
            .map(|c| c.extra_errors(today))
            .unwrap_or_default()
    }
}

impl UnpublishRequest {
    pub fn normalized(mut self) -> Self {
        self.reason = self.reason.trim().to_owned();
        self
    }
}

/// An exemplar's publication as the API serves it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Publication {
    pub exemplar_id: i64,
    pub status: PublicationStatus,
    /// The portal shows it now: published, the record confirmed, never stopped.
    pub public: bool,
    /// The text the public reads (until one is saved: the achievements).
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
    /// The 1200×630 share card (while public).
    pub card_url: Option<String>,
    /// What the caller may do now.
    pub allowed_actions: Vec<AllowedPublicationAction>,
    /// 0 until the first save (send `If-Match: "0"`).
    pub version: i32,
    pub updated_at: Option<DateTime<Utc>>,
}

pub fn find(conn: &mut DbConnection, exemplar_id: i64) -> AppResult<Option<PublicationRow>> {
    Ok(exemplar_publications::table
        .find(exemplar_id)
        .select(PublicationRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn status_of(row: Option<&PublicationRow>) -> PublicationStatus {
    row.map_or(PublicationStatus::NotPublished, PublicationRow::status)
}

fn facts(exemplar: &ExemplarRow, consent: bool) -> Facts {
    Facts {
        unit_id: exemplar.unit_id,
        subject_kind: exemplar.subject_kind,
        record_status: exemplar.record_status,
        stage: exemplar.stage,
        ever_stopped: exemplar.stopped_reason.is_some(),
        has_consent: consent,
    }
}

/// The publication of `exemplar` as `principal` sees it.
pub fn view(
    principal: &Principal,
    exemplar: &ExemplarRow,
    row: Option<&PublicationRow>,
    links: &PublicitySettings,
) -> Publication {
    let status = status_of(row);
    let consent = row.and_then(PublicationRow::consent);
    let public = rule::is_public(row.and_then(|r| r.published_at), exemplar);
    let facts = facts(exemplar, consent.is_some());
    Publication {
        exemplar_id: exemplar.id,
        status,
        public,
        public_summary: row.map_or_else(
            || exemplar.achievements.clone(),
            |r| r.public_summary.clone(),
        ),
        consent_required: exemplar.subject_kind == SubjectKind::Individual,
        consent,
        published_at: row.and_then(|r| r.published_at).map(|t| t.and_utc()),
        published_by: row.and_then(|r| r.published_by),
        unpublished_at: row.and_then(|r| r.unpublished_at).map(|t| t.and_utc()),
        unpublished_by: row.and_then(|r| r.unpublished_by),
        unpublish_reason: row.and_then(|r| r.unpublish_reason.clone()),
        public_url: public.then(|| links.exemplar_page(exemplar.id)),
        card_url: public.then(|| links.absolute(&crate::publicity::portal::card_path(exemplar.id))),
        allowed_actions: workflow::allowed_actions(
            principal,
            exemplar.unit_id,
            status,
            workflow::publish_blocker(&facts),
        ),
        version: row.map_or(0, |r| r.version),
        updated_at: row.map(|r| r.updated_at.and_utc()),
    }
}

/// The folded text the public search reads: only what the public sees (never the internal
/// achievements when the Office wrote another public text).
fn search_text(
    conn: &mut DbConnection,
    exemplar: &ExemplarRow,
    public_summary: &str,
) -> AppResult<String> {
    let unit: String = units::table
        .find(exemplar.unit_id)
        .select(units::name)
        .first(conn)?;
    let titles: Vec<String> = initiatives::table
        .filter(initiatives::exemplar_id.eq(exemplar.id))
        .select(initiatives::title)
        .load(conn)?;
    let movement_names: Vec<String> = exemplar_movements::table
        .inner_join(movements::table)
        .filter(exemplar_movements::exemplar_id.eq(exemplar.id))
        .select(movements::name)
        .load(conn)?;
    Ok(search::document(
        [
            exemplar.field_of_work.as_str(),
            exemplar.category.label(),
            unit.as_str(),
            public_summary,
        ]
        .into_iter()
        .chain(titles.iter().map(String::as_str))
        .chain(movement_names.iter().map(String::as_str)),
    ))
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

/// The fields a write sets, besides the version.
struct Fields<'a> {
    public_summary: &'a str,
    consent: Option<&'a Consent>,
    published: Option<(Option<NaiveDateTime>, Option<i64>)>,
    unpublished: Option<(Option<NaiveDateTime>, Option<i64>, Option<&'a str>)>,
}

/// Writes the row at version `expected` (0: inserts it).
fn write(
    conn: &mut DbConnection,
    exemplar: &ExemplarRow,
    current: Option<&PublicationRow>,
    expected: i32,
    now: NaiveDateTime,
    fields: Fields<'_>,
) -> AppResult<()> {
    let search = search_text(conn, exemplar, fields.public_summary)?;
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
        exemplar_publications::public_summary.eq(fields.public_summary),
        exemplar_publications::consent_given_on.eq(consent.map(|c| c.given_on)),
        exemplar_publications::consent_method.eq(consent.map(|c| c.method)),
        exemplar_publications::consent_recorded_by.eq(consent.map(|c| c.recorded_by.as_str())),
        exemplar_publications::consent_note.eq(consent.and_then(|c| c.note.as_deref())),
        exemplar_publications::published_at.eq(published_at),
        exemplar_publications::published_by.eq(published_by),
        exemplar_publications::unpublished_at.eq(unpublished_at),
        exemplar_publications::unpublished_by.eq(unpublished_by),
        exemplar_publications::unpublish_reason.eq(reason),
        exemplar_publications::search_text.eq(&search),
    );
    if current.is_none() {
        if expected != 0 {
            return Err(stale());
        }
        diesel::insert_into(exemplar_publications::table)
            .values((
                exemplar_publications::exemplar_id.eq(exemplar.id),
                values,
                exemplar_publications::version.eq(1),
                exemplar_publications::created_at.eq(now),
                exemplar_publications::updated_at.eq(now),
            ))
            .execute(conn)
            .map_err(inserted_meanwhile)?;
        return Ok(());
    }
    versioned_update!(
        conn,
        exemplar_publications,
        exemplar.id,
        expected,
        now,
        (values,)
    )
    .map(|_| ())
}

/// The version the client last saw, checked against the stored one (0 without a row).
fn expected(if_match: IfMatch, current: Option<&PublicationRow>) -> AppResult<i32> {
    if_match.expect(current.map_or(0, |c| c.version))
}

/// Saves the public text and the consent.
pub fn save(
    conn: &mut DbConnection,
    principal: &Principal,
    exemplar: &ExemplarRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &PublicationInput,
) -> AppResult<()> {
    let current = find(conn, exemplar.id)?;
    let status = status_of(current.as_ref());
    workflow::authorize(principal, exemplar.unit_id, status, PublicationAction::Edit)?;
    let expected = expected(if_match, current.as_ref())?;
    let consent = input.consent.as_ref().map(|c| c.consent(principal));
    if status == PublicationStatus::Published
        && exemplar.subject_kind == SubjectKind::Individual
        && consent.is_none()
    {
        return Err(AppError::new(crate::error::ErrorCode::Conflict).with_detail(
            "Điển hình cá nhân đang được công bố: không xóa được sự đồng ý. Nếu cá nhân rút lại sự đồng ý, hãy gỡ công bố.",
        ));
    }
    write(
        conn,
        exemplar,
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
    timeline::record(
        conn,
        exemplar.id,
        principal,
        now,
        Step::new(TimelineAction::PublicationUpdated),
    )
}

/// Publishes: the record confirmed and never stopped, an individual's consent recorded (now or
/// before), the text given now, saved before, or the achievements.
pub fn publish(
    conn: &mut DbConnection,
    principal: &Principal,
    exemplar: &ExemplarRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    request: &PublishRequest,
) -> AppResult<()> {
    let current = find(conn, exemplar.id)?;
    let status = status_of(current.as_ref());
    workflow::authorize(
        principal,
        exemplar.unit_id,
        status,
        PublicationAction::Publish,
    )?;
    let expected = expected(if_match, current.as_ref())?;
    let consent = request
        .consent
        .as_ref()
        .map(|c| c.consent(principal))
        .or_else(|| current.as_ref().and_then(PublicationRow::consent));
    if let Some(blocker) = workflow::publish_blocker(&facts(exemplar, consent.is_some())) {
        return Err(blocker.error());
    }
    let summary = request
        .public_summary
        .clone()
        .or_else(|| current.as_ref().map(|c| c.public_summary.clone()))
        .unwrap_or_else(|| exemplar.achievements.clone());
    write(
        conn,
        exemplar,
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
    timeline::record(
        conn,
        exemplar.id,
        principal,
        now,
        Step::new(TimelineAction::Published),
    )
}

/// Takes the publication down at once: from this moment nothing of it is served publicly.
pub fn unpublish(
    conn: &mut DbConnection,
    principal: &Principal,
    exemplar: &ExemplarRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    request: &UnpublishRequest,
) -> AppResult<()> {
    let current = find(conn, exemplar.id)?;
    let status = status_of(current.as_ref());
    workflow::authorize(
        principal,
        exemplar.unit_id,
        status,
        PublicationAction::Unpublish,
    )?;
    let expected = expected(if_match, current.as_ref())?;
    let Some(row) = current.as_ref() else {
        return Err(AppError::internal(
            "a published exemplar without a publication row",
        ));
    };
    let consent = row.consent();
    write(
        conn,
        exemplar,
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
    timeline::record(
        conn,
        exemplar.id,
        principal,
        now,
        Step::new(TimelineAction::Unpublished).note(Some(&request.reason)),
    )
}
