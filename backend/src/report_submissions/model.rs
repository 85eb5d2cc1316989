//! Report submissions as stored and as the API shows them, and their writes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::workflow::{self, State, SubmissionAction, SubmissionStatus};
use crate::auth::{Principal, policy};
use crate::calendar::deadlines::{self, Calendar};
use crate::calendar::kinds::{ObligationKey, ObligationKind, Responsible};
use crate::db::DbConnection;
use crate::db::schema::{report_submissions, units, users};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::IfMatch;
use crate::time::Month;
use crate::units::{UnitKind, UnitRef};
use crate::versioned_update;

/// A person who took a step, as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonRef {
    pub id: i64,
    pub full_name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportSubmission {
    pub id: i64,
    /// The obligation it fulfils (`annual_report:2026:12`).
    pub obligation_key: String,
    pub kind: ObligationKind,
    pub period: String,
    pub responsible: Responsible,
    /// The unit whose report it is; `null`: the Office's own (to Sở Nội vụ).
    pub unit: Option<UnitRef>,
    pub status: SubmissionStatus,
    pub title: String,
    pub note: Option<String>,
    /// When it was (last) sent.
    pub submitted_at: DateTime<Utc>,
    pub submitted_by: Option<PersonRef>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<PersonRef>,
    /// The reason it was returned, or the note on acceptance.
    pub decision_note: Option<String>,
    /// The obligation's last day under the current calendar (`null` if the calendar no longer
    /// has the period).
    pub due_on: Option<NaiveDate>,
    /// Whether it was (last) sent by then, in Vietnam time.
    pub on_time: Option<bool>,
    /// What the caller may do now.
    pub allowed_actions: Vec<SubmissionAction>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = report_submissions)]
pub struct SubmissionRow {
    pub id: i64,
    pub kind: ObligationKind,
    pub unit_id: Option<i64>,
    pub period: String,
    pub status: SubmissionStatus,
    pub title: String,
    pub note: Option<String>,
    pub submitted_at: NaiveDateTime,
    pub submitted_by: Option<i64>,
    pub decided_at: Option<NaiveDateTime>,
    pub decided_by: Option<i64>,
    pub decision_note: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl SubmissionRow {
    pub fn key(&self) -> ObligationKey {
        ObligationKey {
            kind: self.kind,
            period: self.period.clone(),
            unit_id: self.unit_id,
        }
    }

    pub fn state(&self) -> State {
        State {
            unit_id: self.unit_id,
            status: Some(self.status),
        }
    }
}

/// Sending a report for an obligation.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionInput {
    /// `annual_report`, `midterm_review` or `final_review` (the monthly introduction is met by
    /// submitting an introduction).
    pub kind: ObligationKind,
    /// The unit whose report it is; omitted or `null`: the Office's own report to Sở Nội vụ.
    pub unit_id: Option<i64>,
    /// `2026` for an annual report; the review's years (`2026-2028`, `2026-2030`) for a review.
    #[validate(length(min = 4, max = 20))]
    #[schema(min_length = 4, max_length = 20, example = "2026")]
    pub period: String,
    #[validate(length(min = 3, max = 300))]
    #[schema(
        min_length = 3,
        max_length = 300,
        example = "Báo cáo kết quả thực hiện Kế hoạch tuyên truyền điển hình tiên tiến năm 2026"
    )]
    pub title: String,
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub note: Option<String>,
}

impl SubmissionInput {
    pub fn normalized(mut self) -> Self {
        self.period = self.period.trim().to_owned();
        self.title = self.title.trim().to_owned();
        self.note = self
            .note
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty());
        self
    }

    pub fn key(&self) -> ObligationKey {
        ObligationKey {
            kind: self.kind,
            period: self.period.clone(),
            unit_id: self.unit_id,
        }
    }
}

/// Sending a returned report again, possibly with a new title and note.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResubmissionInput {
    #[validate(length(min = 3, max = 300))]
    #[schema(min_length = 3, max_length = 300)]
    pub title: Option<String>,
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub note: Option<String>,
}

/// Accepting or returning a report (a reason is required to return it).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = ReportDecisionInput)]
pub struct DecisionInput {
    #[validate(length(min = 1, max = 5000))]
    #[schema(min_length = 1, max_length = 5000)]
    pub note: Option<String>,
}

impl DecisionInput {
    pub fn note(&self) -> Option<String> {
        self.note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
    }
}

fn person(conn: &mut DbConnection, id: Option<i64>) -> AppResult<Option<PersonRef>> {
    let Some(id) = id else { return Ok(None) };
    Ok(users::table
        .find(id)
        .select(users::full_name)
        .first::<String>(conn)
        .optional()?
        .map(|full_name| PersonRef { id, full_name }))
}

pub fn to_dto(
    conn: &mut DbConnection,
    principal: &Principal,
    calendar: &Calendar,
    row: SubmissionRow,
) -> AppResult<ReportSubmission> {
    let key = row.key();
    let due_on = calendar.due(&key);
    Ok(ReportSubmission {
        obligation_key: key.text(),
        responsible: key.responsible(),
        unit: match row.unit_id {
            Some(unit) => crate::units::model::unit_ref(conn, unit)?,
            None => None,
        },
        allowed_actions: workflow::allowed_actions(principal, &row.state()),
        on_time: due_on.map(|due| deadlines::met(row.submitted_at.and_utc(), due)),
        due_on,
        submitted_by: person(conn, row.submitted_by)?,
        decided_by: person(conn, row.decided_by)?,
        id: row.id,
        kind: row.kind,
        period: row.period,
        status: row.status,
        title: row.title,
        note: row.note,
        submitted_at: row.submitted_at.and_utc(),
        decided_at: row.decided_at.map(|t| t.and_utc()),
        decision_note: row.decision_note,
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<SubmissionRow> {
    report_submissions::table
        .find(id)
        .select(SubmissionRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("báo cáo"))
}

/// Unit roles read their unit's reports only (not the Office's own); everyone else reads all.
pub fn ensure_readable(principal: &Principal, row: &SubmissionRow) -> AppResult<()> {
    if principal.role.is_unit_scoped()
        && (row.unit_id.is_none() || row.unit_id != principal.unit_id)
    {
        return Err(AppError::not_found("báo cáo"));
    }
    Ok(())
}

pub fn load(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<ReportSubmission> {
    let row = find_row(conn, id)?;
    ensure_readable(principal, &row)?;
    let calendar = Calendar::load(conn)?;
    to_dto(conn, principal, &calendar, row)
}

/// The filters of the list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<ObligationKind>,
    pub unit_id: Option<i64>,
    pub responsible: Option<Responsible>,
    pub period: Option<String>,
    pub status: Option<SubmissionStatus>,
}

/// A page of the reports `principal` may read, newest first, and their total.
pub fn list(
    conn: &mut DbConnection,
    principal: &Principal,
    filter: &Filter,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<ReportSubmission>, i64)> {
    let only_unit = policy::unit_restriction(principal);
    let filtered = || {
        let mut query = report_submissions::table.into_boxed();
        if let Some(kind) = filter.kind {
            query = query.filter(report_submissions::kind.eq(kind));
        }
        if let Some(unit) = filter.unit_id {
            query = query.filter(report_submissions::unit_id.eq(unit));
        }
        match filter.responsible {
            Some(Responsible::Unit) => {
                query = query.filter(report_submissions::unit_id.is_not_null())
            }
            Some(Responsible::Office) => {
                query = query.filter(report_submissions::unit_id.is_null())
            }
            None => {}
        }
        if let Some(unit) = only_unit {
            query = query.filter(report_submissions::unit_id.eq(unit));
        }
        if let Some(period) = &filter.period {
            query = query.filter(report_submissions::period.eq(period.clone()));
        }
        if let Some(status) = filter.status {
            query = query.filter(report_submissions::status.eq(status));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows: Vec<SubmissionRow> = filtered()
        .order((
            report_submissions::submitted_at.desc(),
            report_submissions::id.desc(),
        ))
        .offset(offset)
        .limit(limit)
        .select(SubmissionRow::as_select())
        .load(conn)?;
    let calendar = Calendar::load(conn)?;
    let items = rows
        .into_iter()
        .map(|row| to_dto(conn, principal, &calendar, row))
        .collect::<AppResult<Vec<_>>>()?;
    Ok((items, total))
}

/// The obligation a submission is for exists and is owed: a report kind, a period of the
/// calendar, an active unit that owes it (or the Office), a period already begun.
fn check_obligation(
    conn: &mut DbConnection,
    calendar: &Calendar,
    key: &ObligationKey,
    today: NaiveDate,
) -> AppResult<()> {
    if !key.kind.is_report() {
        return Err(AppError::field(
            "kind",
            "not_a_report",
            "Việc giới thiệu gương điển hình hằng tháng được thực hiện bằng bài giới thiệu, không gửi báo cáo.",
        ));
    }
    let Some(due) = calendar.due(key) else {
        return Err(AppError::field(
            "period",
            "unknown_period",
            format!(
                "Lịch báo cáo không có kỳ {} cho loại báo cáo này.",
                key.period
            ),
        ));
    };
    if let Some(unit_id) = key.unit_id {
        let unit: Option<(UnitKind, bool, Option<NaiveDateTime>)> = units::table
            .find(unit_id)
            .select((units::kind, units::active, units::active_since))
            .first(conn)
            .optional()?;
        match unit {
            None => {
                return Err(AppError::field(
                    "unitId",
                    "not_found",
                    "Đơn vị không tồn tại.",
                ));
            }
            Some((_, false, _)) => {
                return Err(AppError::field(
                    "unitId",
                    "inactive",
                    "Đơn vị đã ngừng hoạt động.",
                ));
            }
            Some((UnitKind::Department, _, _)) => {
                return Err(AppError::field(
                    "unitId",
                    "not_owed",
                    "Báo cáo của Sở do Văn phòng Sở gửi (để trống đơn vị).",
                ));
            }
            Some((_, true, active_since)) => {
                let start = Month {
                    year: calendar.settings.first_year,
                    month: 1,
                };
                let owed_from = crate::introductions::grid::owed_from(active_since, start);
                if Month::of(due) < owed_from {
                    return Err(AppError::field(
                        "unitId",
                        "not_owed",
                        "Đơn vị mới thành lập hoặc hoạt động lại sau kỳ này nên không phải gửi báo cáo kỳ này.",
                    ));
                }
            }
        }
    }
    if calendar
        .period_start(key)
        .is_some_and(|start| today < start)
    {
        return Err(AppError::field(
            "period",
            "period_not_started",
            "Kỳ báo cáo này chưa bắt đầu.",
        ));
    }
    Ok(())
}

pub fn existing(conn: &mut DbConnection, key: &ObligationKey) -> AppResult<Option<SubmissionRow>> {
    let mut query = report_submissions::table
        .filter(report_submissions::kind.eq(key.kind))
        .filter(report_submissions::period.eq(key.period.clone()))
        .into_boxed();
    query = match key.unit_id {
        Some(unit) => query.filter(report_submissions::unit_id.eq(unit)),
        None => query.filter(report_submissions::unit_id.is_null()),
    };
    Ok(query
        .select(SubmissionRow::as_select())
        .first(conn)
        .optional()?)
}

/// Sends the report of an obligation; returns its id.
pub fn submit(
    conn: &mut DbConnection,
    principal: &Principal,
    input: &SubmissionInput,
    now: NaiveDateTime,
) -> AppResult<i64> {
    let key = input.key();
    let calendar = Calendar::load(conn)?;
    let status = existing(conn, &key)?.map(|row| row.status);
    workflow::authorize(
        principal,
        &State {
            unit_id: key.unit_id,
            status: None,
        },
        SubmissionAction::Submit,
    )?;
    check_obligation(conn, &calendar, &key, crate::time::local_date(now))?;
    if let Some(status) = status {
        let detail = if status == SubmissionStatus::Returned {
            "Báo cáo của kỳ này đã bị trả lại; hãy sửa và gửi lại báo cáo đó."
        } else {
            "Báo cáo của kỳ này đã được gửi."
        };
        return Err(AppError::new(ErrorCode::Conflict).with_detail(detail));
    }
    Ok(diesel::insert_into(report_submissions::table)
        .values((
            report_submissions::kind.eq(key.kind),
            report_submissions::unit_id.eq(key.unit_id),
            report_submissions::period.eq(&key.period),
            report_submissions::status.eq(SubmissionStatus::Submitted),
            report_submissions::title.eq(&input.title),
            report_submissions::note.eq(&input.note),
            report_submissions::submitted_at.eq(now),
            report_submissions::submitted_by.eq(principal.user_id()),
            report_submissions::version.eq(1),
            report_submissions::created_at.eq(now),
            report_submissions::updated_at.eq(now),
        ))
        .returning(report_submissions::id)
        .get_result(conn)?)
}

/// Sends a returned report again.
pub fn resubmit(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &SubmissionRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &ResubmissionInput,
) -> AppResult<()> {
    workflow::authorize(principal, &current.state(), SubmissionAction::Resubmit)?;
    let expected = if_match.expect(current.version)?;
    let title = input
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or_else(|| current.title.clone(), str::to_owned);
    let note = match &input.note {
        Some(note) => Some(note.trim().to_owned()).filter(|n| !n.is_empty()),
        None => current.note.clone(),
    };
    versioned_update!(
        conn,
        report_submissions,
        current.id,
        expected,
        now,
        (
            report_submissions::status.eq(SubmissionStatus::Submitted),
            report_submissions::title.eq(title),
            report_submissions::note.eq(note),
            report_submissions::submitted_at.eq(now),
            report_submissions::submitted_by.eq(principal.user_id()),
            report_submissions::decided_at.eq(None::<NaiveDateTime>),
            report_submissions::decided_by.eq(None::<i64>),
            report_submissions::decision_note.eq(None::<String>),
        )
    )?;
    Ok(())
}

/// Accepts or returns a submitted report.
pub fn decide(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &SubmissionRow,
    action: SubmissionAction,
    if_match: IfMatch,
    now: NaiveDateTime,
    note: Option<String>,
) -> AppResult<()> {
    let transition = workflow::authorize(principal, &current.state(), action)?;
    if transition.note == workflow::NoteRule::Required && note.is_none() {
        return Err(AppError::validation(vec![FieldError::new(
            "note",
            "required",
            "Cần ghi lý do trả lại báo cáo.",
        )]));
    }
    let expected = if_match.expect(current.version)?;
    versioned_update!(
        conn,
        report_submissions,
        current.id,
        expected,
        now,
        (
            report_submissions::status.eq(transition.to),
            report_submissions::decided_at.eq(Some(now)),
            report_submissions::decided_by.eq(principal.user_id()),
            report_submissions::decision_note.eq(note),
        )
    )?;
    Ok(())
}

/// The submissions of the given kinds (for the obligations' fulfilment), in one query.
pub fn all_of(conn: &mut DbConnection, only_unit: Option<i64>) -> AppResult<Vec<SubmissionRow>> {
    let mut query = report_submissions::table.into_boxed();
    if let Some(unit) = only_unit {
        query = query.filter(report_submissions::unit_id.eq(unit));
    }
    Ok(query
        .order(report_submissions::id.asc())
        .select(SubmissionRow::as_select())
        .load(conn)?)
}
