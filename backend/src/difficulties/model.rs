//! Difficulties as stored and shown, their steps with their times, and their writes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::workflow::{self, DifficultyAction, DifficultyStatus, NoteRule, State};
use crate::attachments::model::{self as attachments, Attachment, Owner};
use crate::auth::{Principal, Role, policy};
use crate::calendar::kinds::ObligationKey;
use crate::db::DbConnection;
use crate::db::schema::{difficulties, difficulty_events, exemplars};
use crate::error::{AppError, AppResult, FieldError};
use crate::http::etag::IfMatch;
use crate::notifications::model::{self as notifications, Message, NotificationKind};
use crate::notifications::recipients;
use crate::units::UnitRef;
use crate::{versioned_delete, versioned_update};

/// What a unit writes when it raises (or edits) a difficulty.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DifficultyInput {
    #[validate(length(min = 3, max = 300))]
    #[schema(min_length = 3, max_length = 300, example = "Vướng mắc khi lập hồ sơ đề nghị khen thưởng đột xuất")]
    pub subject: String,
    /// What is difficult, what was tried, what is asked of the Office.
    #[validate(length(min = 10, max = 10000))]
    #[schema(min_length = 10, max_length = 10000)]
    pub body: String,
    /// The obligation it concerns (`annual_report:2026:12`), one of the unit's.
    #[validate(length(max = 60))]
    #[schema(max_length = 60, example = "annual_report:2026:12")]
    pub obligation_key: Option<String>,
    /// The exemplar it concerns, one of the unit's.
    pub exemplar_id: Option<i64>,
}

impl DifficultyInput {
    pub fn normalized(mut self) -> Self {
        self.subject = self.subject.trim().to_owned();
        self.body = self.body.trim().to_owned();
        self.obligation_key = self.obligation_key.map(|k| k.trim().to_owned()).filter(|k| !k.is_empty());
        self
    }
}

/// A step's note: the answer, the referral, the direction, why it is reopened or closed.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StepInput {
    #[validate(length(min = 1, max = 10000))]
    #[schema(min_length = 1, max_length = 10000)]
    pub note: Option<String>,
}

impl StepInput {
    pub fn note(&self) -> Option<String> {
        self.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned)
    }
}

/// The exemplar a difficulty concerns.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExemplarLink {
    pub id: i64,
    pub name: String,
}

/// Someone who took a step.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    pub user_id: Option<i64>,
    pub name: String,
}

/// One step, with the time since the step before it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub action: DifficultyAction,
    pub from_status: Option<DifficultyStatus>,
    pub to_status: DifficultyStatus,
    pub note: Option<String>,
    pub actor: Actor,
    pub at: DateTime<Utc>,
    /// Seconds since the previous step (`null` for the first).
    pub seconds_since_previous: Option<i64>,
}

/// How long the handling took, in seconds.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Timings {
    /// From raising to the Office's first answer or referral.
    pub first_response_seconds: Option<i64>,
    /// From the (last) referral to the leadership's direction.
    pub direction_seconds: Option<i64>,
    /// From raising to closing.
    pub resolution_seconds: Option<i64>,
}

/// A difficulty in a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DifficultySummaryItem {
    pub id: i64,
    pub unit: UnitRef,
    pub subject: String,
    pub status: DifficultyStatus,
    pub raised_at: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
    pub referred_at: Option<DateTime<Utc>>,
    pub directed_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Difficulty {
    pub id: i64,
    pub unit: UnitRef,
    pub subject: String,
    pub body: String,
    pub obligation_key: Option<String>,
    pub exemplar: Option<ExemplarLink>,
    pub status: DifficultyStatus,
    pub raised_by: Option<i64>,
    pub raised_at: DateTime<Utc>,
    /// The Office's (latest) answer.
    pub answer: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    /// Why the Office referred it to the leadership.
    pub referral_note: Option<String>,
    pub referred_at: Option<DateTime<Utc>>,
    /// The leadership's direction.
    pub direction: Option<String>,
    pub directed_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub steps: Vec<Step>,
    pub timings: Timings,
    pub attachments: Vec<Attachment>,
    pub allowed_actions: Vec<DifficultyAction>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = difficulties)]
pub struct DifficultyRow {
    pub id: i64,
    pub unit_id: i64,
    pub subject: String,
    pub body: String,
    pub obligation_key: Option<String>,
    pub exemplar_id: Option<i64>,
    pub status: DifficultyStatus,
    pub raised_by: Option<i64>,
    pub raised_at: NaiveDateTime,
    pub answer: Option<String>,
    pub answered_at: Option<NaiveDateTime>,
    pub referral_note: Option<String>,
    pub referred_at: Option<NaiveDateTime>,
    pub direction: Option<String>,
    pub directed_at: Option<NaiveDateTime>,
    pub closed_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl DifficultyRow {
    pub fn state(&self) -> State {
        State {
            unit_id: self.unit_id,
            status: self.status,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = difficulty_events)]
struct EventRow {
    action: DifficultyAction,
    from_status: Option<DifficultyStatus>,
    to_status: DifficultyStatus,
    note: Option<String>,
    actor_user_id: Option<i64>,
    actor_name: String,
    occurred_at: NaiveDateTime,
}

fn unit(conn: &mut DbConnection, id: i64) -> AppResult<UnitRef> {
    crate::units::model::unit_ref(conn, id)?.ok_or_else(|| AppError::internal(format!("unit {id} vanished")))
}

fn steps(conn: &mut DbConnection, id: i64) -> AppResult<Vec<Step>> {
    let rows: Vec<EventRow> = difficulty_events::table
        .filter(difficulty_events::difficulty_id.eq(id))
        .order(difficulty_events::id.asc())
        .select(EventRow::as_select())
        .load(conn)?;
    let mut previous: Option<NaiveDateTime> = None;
    Ok(rows
        .into_iter()
        .map(|row| {
            let step = Step {
                action: row.action,
                from_status: row.from_status,
                to_status: row.to_status,
                note: row.note,
                actor: Actor {
                    user_id: row.actor_user_id,
                    name: row.actor_name,
                },
                at: row.occurred_at.and_utc(),
                seconds_since_previous: previous.map(|p| (row.occurred_at - p).num_seconds()),
            };
            previous = Some(row.occurred_at);
            step
        })
        .collect())
}

fn timings(raised_at: NaiveDateTime, steps: &[Step]) -> Timings {
    let raised = raised_at.and_utc();
    let first_response = steps
        .iter()
        .find(|s| matches!(s.action, DifficultyAction::Answer | DifficultyAction::Refer))
        .map(|s| (s.at - raised).num_seconds());
    let direction = steps
        .iter()
        .rposition(|s| s.action == DifficultyAction::Direct)
        .and_then(|at| {
            let referral = steps[..at].iter().rev().find(|s| s.action == DifficultyAction::Refer)?;
            Some((steps[at].at - referral.at).num_seconds())
        });
    let resolution = steps
        .iter()
        .rev()
        .find(|s| s.action == DifficultyAction::Close)
        .map(|s| (s.at - raised).num_seconds());
    Timings {
        first_response_seconds: first_response,
        direction_seconds: direction,
        resolution_seconds: resolution,
    }
}

pub fn to_dto(conn: &mut DbConnection, principal: &Principal, row: DifficultyRow) -> AppResult<Difficulty> {
    let steps = steps(conn, row.id)?;
    let exemplar = match row.exemplar_id {
        Some(id) => exemplars::table
            .find(id)
            .select(exemplars::name)
            .first::<String>(conn)
            .optional()?
            .map(|name| ExemplarLink { id, name }),
        None => None,
    };
    Ok(Difficulty {
        unit: unit(conn, row.unit_id)?,
        timings: timings(row.raised_at, &steps),
        attachments: attachments::list(conn, Owner::Difficulty(row.id))?,
        allowed_actions: workflow::allowed_actions(principal, &row.state()),
        steps,
        exemplar,
        id: row.id,
        subject: row.subject,
        body: row.body,
        obligation_key: row.obligation_key,
        status: row.status,
        raised_by: row.raised_by,
        raised_at: row.raised_at.and_utc(),
        answer: row.answer,
        answered_at: row.answered_at.map(|t| t.and_utc()),
        referral_note: row.referral_note,
        referred_at: row.referred_at.map(|t| t.and_utc()),
        direction: row.direction,
        directed_at: row.directed_at.map(|t| t.and_utc()),
        closed_at: row.closed_at.map(|t| t.and_utc()),
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

pub fn summary_item(conn: &mut DbConnection, row: DifficultyRow) -> AppResult<DifficultySummaryItem> {
    Ok(DifficultySummaryItem {
        unit: unit(conn, row.unit_id)?,
        id: row.id,
        subject: row.subject,
        status: row.status,
        raised_at: row.raised_at.and_utc(),
        answered_at: row.answered_at.map(|t| t.and_utc()),
        referred_at: row.referred_at.map(|t| t.and_utc()),
        directed_at: row.directed_at.map(|t| t.and_utc()),
        closed_at: row.closed_at.map(|t| t.and_utc()),
        updated_at: row.updated_at.and_utc(),
    })
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<DifficultyRow> {
    difficulties::table
        .find(id)
        .select(DifficultyRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("phản ánh"))
}

/// The one visibility rule: unit roles read their own unit's difficulties, the Office, the
/// leadership and the administrator read all; service accounts none.
pub fn ensure_readable(principal: &Principal, row: &DifficultyRow) -> AppResult<()> {
    let visible = match principal.role {
        Role::Integration => false,
        role if role.is_unit_scoped() => principal.unit_id == Some(row.unit_id),
        _ => true,
    };
    if visible { Ok(()) } else { Err(AppError::not_found("phản ánh")) }
}

pub fn load(conn: &mut DbConnection, principal: &Principal, id: i64) -> AppResult<Difficulty> {
    let row = find_row(conn, id)?;
    ensure_readable(principal, &row)?;
    to_dto(conn, principal, row)
}

/// The list's filters.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub status: Option<DifficultyStatus>,
    pub unit_id: Option<i64>,
    pub q: Option<String>,
    /// Raised from this Vietnam day.
    pub from: Option<NaiveDate>,
    /// Raised up to this Vietnam day.
    pub to: Option<NaiveDate>,
}

/// The rows `principal` may read matching `filter`, newest first (`limit` rows from `offset`),
/// and their total.
pub fn rows(
    conn: &mut DbConnection,
    principal: &Principal,
    filter: &Filter,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<DifficultyRow>, i64)> {
    let only_unit = if principal.role == Role::Integration { Some(-1) } else { policy::unit_restriction(principal) };
    let patterns = filter.q.as_deref().map(crate::db::search::like_patterns).unwrap_or_default();
    let filtered = || {
        let mut query = difficulties::table.into_boxed();
        if let Some(status) = filter.status {
            query = query.filter(difficulties::status.eq(status));
        }
        if let Some(unit) = filter.unit_id {
            query = query.filter(difficulties::unit_id.eq(unit));
        }
        if let Some(unit) = only_unit {
            query = query.filter(difficulties::unit_id.eq(unit));
        }
        if let Some(from) = filter.from {
            query = query.filter(difficulties::raised_at.ge(crate::time::local_day_start_utc(from)));
        }
        if let Some(to) = filter.to {
            query = query.filter(difficulties::raised_at.lt(crate::time::local_day_start_utc(to + chrono::Duration::days(1))));
        }
        for pattern in &patterns {
            query = query.filter(difficulties::search_text.like(pattern.clone()).escape('\\'));
        }
        query
    };
    let total = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((difficulties::raised_at.desc(), difficulties::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(DifficultyRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// The related obligation and exemplar must be the unit's own.
fn check_links(conn: &mut DbConnection, unit_id: i64, input: &DifficultyInput, now: NaiveDateTime) -> AppResult<()> {
    let mut errors = Vec::new();
    if let Some(text) = &input.obligation_key {
        let owned = match ObligationKey::parse(text) {
            Some(key) if key.unit_id == Some(unit_id) => {
                crate::obligations::model::find(conn, &key, now.and_utc())?.is_some()
            }
            _ => false,
        };
        if !owned {
            errors.push(FieldError::new("obligationKey", "not_found", "Đơn vị không có nghĩa vụ báo cáo này."));
        }
    }
    if let Some(id) = input.exemplar_id {
        let owner: Option<i64> = exemplars::table.find(id).select(exemplars::unit_id).first(conn).optional()?;
        if owner != Some(unit_id) {
            errors.push(FieldError::new("exemplarId", "not_found", "Không có điển hình này trong đơn vị."));
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(AppError::validation(errors)) }
}

fn search_text(input: &DifficultyInput) -> String {
    crate::db::search::document([input.subject.as_str(), input.body.as_str()])
}

#[allow(clippy::too_many_arguments)]
fn record_step(
    conn: &mut DbConnection,
    id: i64,
    action: DifficultyAction,
    from: Option<DifficultyStatus>,
    to: DifficultyStatus,
    note: Option<&str>,
    principal: &Principal,
    at: NaiveDateTime,
) -> AppResult<()> {
    diesel::insert_into(difficulty_events::table)
        .values((
            difficulty_events::difficulty_id.eq(id),
            difficulty_events::action.eq(action),
            difficulty_events::from_status.eq(from),
            difficulty_events::to_status.eq(to),
            difficulty_events::note.eq(note),
            difficulty_events::actor_user_id.eq(principal.user_id()),
            difficulty_events::actor_name.eq(&principal.display_name),
            difficulty_events::occurred_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Raises a difficulty for the caller's unit; returns its id.
pub fn raise(conn: &mut DbConnection, principal: &Principal, input: &DifficultyInput, now: NaiveDateTime) -> AppResult<i64> {
    let unit_id = principal.unit_id.ok_or_else(AppError::outside_unit)?;
    check_links(conn, unit_id, input, now)?;
    let id = diesel::insert_into(difficulties::table)
        .values((
            difficulties::unit_id.eq(unit_id),
            difficulties::subject.eq(&input.subject),
            difficulties::body.eq(&input.body),
            difficulties::obligation_key.eq(&input.obligation_key),
            difficulties::exemplar_id.eq(input.exemplar_id),
            difficulties::status.eq(DifficultyStatus::Open),
            difficulties::raised_by.eq(principal.user_id()),
            difficulties::raised_at.eq(now),
            difficulties::search_text.eq(search_text(input)),
            difficulties::version.eq(1),
            difficulties::created_at.eq(now),
            difficulties::updated_at.eq(now),
        ))
        .returning(difficulties::id)
        .get_result(conn)?;
    record_step(conn, id, DifficultyAction::Raise, None, DifficultyStatus::Open, None, principal, now)?;
    tell(conn, id, DifficultyAction::Raise, now)?;
    Ok(id)
}

pub fn edit(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &DifficultyRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &DifficultyInput,
) -> AppResult<()> {
    workflow::authorize(principal, &current.state(), DifficultyAction::Edit)?;
    let expected = if_match.expect(current.version)?;
    check_links(conn, current.unit_id, input, now)?;
    versioned_update!(
        conn,
        difficulties,
        current.id,
        expected,
        now,
        (
            difficulties::subject.eq(&input.subject),
            difficulties::body.eq(&input.body),
            difficulties::obligation_key.eq(&input.obligation_key),
            difficulties::exemplar_id.eq(input.exemplar_id),
            difficulties::search_text.eq(search_text(input)),
        )
    )?;
    Ok(())
}

/// Withdraws a difficulty nobody has taken up; its steps and files go with it.
pub fn delete(conn: &mut DbConnection, principal: &Principal, current: &DifficultyRow, if_match: IfMatch) -> AppResult<()> {
    workflow::authorize(principal, &current.state(), DifficultyAction::Delete)?;
    let expected = if_match.expect(current.version)?;
    let handled: i64 = difficulty_events::table
        .filter(difficulty_events::difficulty_id.eq(current.id))
        .filter(difficulty_events::action.ne(DifficultyAction::Raise))
        .count()
        .get_result(conn)?;
    if handled > 0 {
        return Err(AppError::new(crate::error::ErrorCode::Conflict)
            .with_detail("Phản ánh đã được xử lý (có trả lời hoặc chỉ đạo) nên không xóa được."));
    }
    // Claim the row first: the children are removed only by the writer that holds it.
    versioned_update!(conn, difficulties, current.id, expected, current.updated_at)?;
    attachments::delete_for_owner(conn, Owner::Difficulty(current.id))?;
    versioned_delete!(conn, difficulties, current.id, expected + 1)
}

/// Takes a step that changes the status (answer, refer, direct, close, reopen).
pub fn step(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &DifficultyRow,
    action: DifficultyAction,
    if_match: IfMatch,
    now: NaiveDateTime,
    note: Option<String>,
) -> AppResult<()> {
    let transition = workflow::authorize(principal, &current.state(), action)?;
    if transition.note == NoteRule::Required && note.is_none() {
        return Err(AppError::validation(vec![FieldError::new("note", "required", "Cần nhập nội dung.")]));
    }
    let to = transition.to.unwrap_or(current.status);
    let expected = if_match.expect(current.version)?;
    let text = note.clone();
    match action {
        DifficultyAction::Answer => versioned_update!(conn, difficulties, current.id, expected, now, (
            difficulties::status.eq(to),
            difficulties::answer.eq(text),
            difficulties::answered_at.eq(Some(now)),
        ))?,
        DifficultyAction::Refer => versioned_update!(conn, difficulties, current.id, expected, now, (
            difficulties::status.eq(to),
            difficulties::referral_note.eq(text),
            difficulties::referred_at.eq(Some(now)),
        ))?,
        DifficultyAction::Direct => versioned_update!(conn, difficulties, current.id, expected, now, (
            difficulties::status.eq(to),
            difficulties::direction.eq(text),
            difficulties::directed_at.eq(Some(now)),
        ))?,
        DifficultyAction::Close => versioned_update!(conn, difficulties, current.id, expected, now, (
            difficulties::status.eq(to),
            difficulties::closed_at.eq(Some(now)),
        ))?,
        _ => versioned_update!(conn, difficulties, current.id, expected, now, (
            difficulties::status.eq(to),
            difficulties::closed_at.eq(None::<NaiveDateTime>),
        ))?,
    };
    record_step(conn, current.id, action, Some(current.status), to, note.as_deref(), principal, now)?;
    tell(conn, current.id, action, now)?;
    Ok(())
}

/// Tells those concerned of a step, in the app: the unit of every answer, direction and closing
/// by the Office; the Office of what the units do; the leadership of a referral.
fn tell(conn: &mut DbConnection, id: i64, action: DifficultyAction, now: NaiveDateTime) -> AppResult<()> {
    let row = find_row(conn, id)?;
    let unit = unit(conn, row.unit_id)?;
    let subject = &row.subject;
    let unit_people = recipients::ids(&recipients::unit_people(conn, row.unit_id)?);
    let (audience, title, body): (Vec<i64>, String, String) = match action {
        DifficultyAction::Raise => (
            recipients::ids(&recipients::with_role(conn, Role::Office)?),
            format!("{} phản ánh khó khăn, vướng mắc", unit.short_name),
            format!("{} phản ánh: «{subject}». Đề nghị Văn phòng Sở hướng dẫn hoặc báo cáo Lãnh đạo Sở.", unit.name),
        ),
        DifficultyAction::Answer => (
            unit_people.clone(),
            "Văn phòng Sở đã trả lời phản ánh".to_owned(),
            format!("Văn phòng Sở đã trả lời phản ánh «{subject}»: {}", row.answer.clone().unwrap_or_default()),
        ),
        DifficultyAction::Refer => {
            let mut people = recipients::ids(&recipients::with_role(conn, Role::Leader)?);
            people.extend(unit_people.clone());
            (
                people,
                "Phản ánh đã được báo cáo Lãnh đạo Sở".to_owned(),
                format!("Văn phòng Sở đã báo cáo Lãnh đạo Sở phản ánh «{subject}» của {}.", unit.name),
            )
        }
        DifficultyAction::Direct => {
            let mut people = unit_people.clone();
            people.extend(recipients::ids(&recipients::with_role(conn, Role::Office)?));
            (
                people,
                "Lãnh đạo Sở đã chỉ đạo về phản ánh".to_owned(),
                format!("Lãnh đạo Sở chỉ đạo về phản ánh «{subject}»: {}", row.direction.clone().unwrap_or_default()),
            )
        }
        DifficultyAction::Reopen => (
            recipients::ids(&recipients::with_role(conn, Role::Office)?),
            format!("{} phản ánh lại", unit.short_name),
            format!("{} đề nghị xem xét lại phản ánh «{subject}».", unit.name),
        ),
        DifficultyAction::Close => {
            let mut people = unit_people.clone();
            people.extend(recipients::ids(&recipients::with_role(conn, Role::Office)?));
            (people, "Phản ánh đã kết thúc".to_owned(), format!("Phản ánh «{subject}» của {} đã kết thúc.", unit.name))
        }
        _ => return Ok(()),
    };
    notifications::send(
        conn,
        &audience,
        &Message {
            kind: NotificationKind::DifficultyUpdate,
            title: &title,
            body: &body,
            link: Some(&format!("/kho-khan/{id}")),
            dedupe_key: &format!("difficulty:{id}:{}:{}", action.as_str(), row.version),
            at: now,
        },
    )?;
    Ok(())
}
