//! Reports as stored and as the API shows them, and their writes. A report's figures are live
//! while it is a draft (or returned) and frozen — a JSON snapshot in `reports.figures` — from
//! the moment it is submitted: later changes to the data never alter a submitted report.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::consolidation::{self, Consolidation};
use super::figures::{self, Figures, FiguresCache, Scope};
use super::workflow::{self, ReportAction, ReportKind, ReportOwner, ReportStatus, State};
use crate::auth::{Principal, policy};
use crate::calendar::deadlines::{self, Calendar};
use crate::calendar::kinds::{ObligationKey, ObligationKind};
use crate::db::DbConnection;
use crate::db::schema::{report_submissions, reports, units, users};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::IfMatch;
use crate::report_submissions::model::{
    self as submissions, DecisionInput, ResubmissionInput, SubmissionInput, SubmissionRow,
};
use crate::report_submissions::workflow::{SubmissionAction, SubmissionStatus};
use crate::time::Day;
use crate::units::{UnitKind, UnitRef};
use crate::versioned_update;

/// The narrative sections of a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Narrative {
    /// Kết quả đạt được.
    #[validate(length(max = 50000))]
    #[schema(max_length = 50000)]
    #[serde(default)]
    pub achievements: String,
    /// Hạn chế.
    #[validate(length(max = 50000))]
    #[schema(max_length = 50000)]
    #[serde(default)]
    pub shortcomings: String,
    /// Nguyên nhân.
    #[validate(length(max = 50000))]
    #[schema(max_length = 50000)]
    #[serde(default)]
    pub causes: String,
    /// Bài học kinh nghiệm.
    #[validate(length(max = 50000))]
    #[schema(max_length = 50000)]
    #[serde(default)]
    pub lessons: String,
    /// Phương hướng, nhiệm vụ thời gian tới.
    #[validate(length(max = 50000))]
    #[schema(max_length = 50000)]
    #[serde(default)]
    pub directions: String,
    /// Kiến nghị, đề xuất.
    #[validate(length(max = 50000))]
    #[schema(max_length = 50000)]
    #[serde(default)]
    pub recommendations: String,
}

impl Narrative {
    fn normalized(mut self) -> Self {
        for text in [
            &mut self.achievements,
            &mut self.shortcomings,
            &mut self.causes,
            &mut self.lessons,
            &mut self.directions,
            &mut self.recommendations,
        ] {
            *text = text.trim().replace("\r\n", "\n");
        }
        self
    }

    /// The sections with their Vietnamese headings, in the report's order.
    pub fn sections(&self) -> [(&'static str, &str); 6] {
        [
            ("Kết quả đạt được", &self.achievements),
            ("Hạn chế", &self.shortcomings),
            ("Nguyên nhân", &self.causes),
            ("Bài học kinh nghiệm", &self.lessons),
            ("Phương hướng, nhiệm vụ thời gian tới", &self.directions),
            ("Kiến nghị, đề xuất", &self.recommendations),
        ]
    }
}

/// A report's figures: the scope's own, and for the Office's consolidated report the units'
/// submitted reports and who did not submit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportFigures {
    /// The unit's figures, or the Department-wide ones (consolidated and Department reports).
    pub figures: Figures,
    /// Only in the Office's consolidated report.
    pub consolidation: Option<Consolidation>,
}

/// The report submission behind a submitted report.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionInfo {
    pub id: i64,
    pub submitted_at: DateTime<Utc>,
    /// Who (last) submitted it.
    pub submitted_by: Option<String>,
    /// The obligation's last day (Vietnam time) under the current calendar.
    pub due_on: Option<NaiveDate>,
    /// Whether it was (last) submitted by then; `false` marks a late report.
    pub on_time: Option<bool>,
    pub decided_at: Option<DateTime<Utc>>,
    /// Who accepted, approved or returned it.
    pub decided_by: Option<String>,
    /// The comments it was returned with, or the note on acceptance / approval.
    pub decision_note: Option<String>,
    pub version: i32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub id: i64,
    pub kind: ReportKind,
    pub owner: ReportOwner,
    /// The unit whose report it is; `null`: the Office's (Department-wide).
    pub unit: Option<UnitRef>,
    /// `2026`, `2026-2028`, or `YYYY-MM-DD..YYYY-MM-DD` for an on-demand report.
    pub period: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub title: String,
    pub narrative: Narrative,
    pub status: ReportStatus,
    pub submission: Option<SubmissionInfo>,
    /// Frozen when submitted; live while a draft or returned.
    pub figures: ReportFigures,
    pub figures_frozen: bool,
    pub frozen_at: Option<DateTime<Utc>>,
    pub allowed_actions: Vec<ReportAction>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A report in a list (without its figures).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportSummary {
    pub id: i64,
    pub kind: ReportKind,
    pub owner: ReportOwner,
    pub unit: Option<UnitRef>,
    pub period: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub title: String,
    pub status: ReportStatus,
    pub submitted_at: Option<DateTime<Utc>>,
    /// The obligation's last day (Vietnam time) under the current calendar; `null` for an
    /// on-demand report.
    pub due_on: Option<NaiveDate>,
    /// Whether it was (last) submitted by then; `null` until submitted or without a deadline.
    pub on_time: Option<bool>,
    pub allowed_actions: Vec<ReportAction>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reports)]
pub struct ReportRow {
    pub id: i64,
    pub kind: ReportKind,
    pub unit_id: Option<i64>,
    pub period: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub title: String,
    pub achievements: String,
    pub shortcomings: String,
    pub causes: String,
    pub lessons: String,
    pub directions: String,
    pub recommendations: String,
    pub submission_id: Option<i64>,
    pub figures: Option<String>,
    pub frozen_at: Option<NaiveDateTime>,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl ReportRow {
    pub fn owner(&self) -> ReportOwner {
        match (self.kind, self.unit_id) {
            (ReportKind::OnDemand, _) => ReportOwner::OnDemand,
            (_, Some(_)) => ReportOwner::Unit,
            (_, None) => ReportOwner::Office,
        }
    }

    pub fn narrative(&self) -> Narrative {
        Narrative {
            achievements: self.achievements.clone(),
            shortcomings: self.shortcomings.clone(),
            causes: self.causes.clone(),
            lessons: self.lessons.clone(),
            directions: self.directions.clone(),
            recommendations: self.recommendations.clone(),
        }
    }

    pub fn scope(&self) -> Scope {
        Scope {
            from: self.period_from,
            to: self.period_to,
            unit_id: self.unit_id,
        }
    }

    pub fn obligation_key(&self) -> Option<ObligationKey> {
        obligation_kind(self.kind).map(|kind| ObligationKey {
            kind,
            period: self.period.clone(),
            unit_id: self.unit_id,
        })
    }
}

fn obligation_kind(kind: ReportKind) -> Option<ObligationKind> {
    match kind {
        ReportKind::AnnualReport => Some(ObligationKind::AnnualReport),
        ReportKind::MidtermReview => Some(ObligationKind::MidtermReview),
        ReportKind::FinalReview => Some(ObligationKind::FinalReview),
        ReportKind::OnDemand => None,
    }
}

/// A new report (a draft).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewReportInput {
    pub kind: ReportKind,
    /// The unit whose report it is; omitted or `null`: the Office's consolidated report (or a
    /// Department-wide on-demand report).
    pub unit_id: Option<i64>,
    /// `2026` for an annual report, the review's years (`2026-2028`, `2026-2030`) for a review;
    /// ignored for an on-demand report.
    #[validate(length(max = 20))]
    #[schema(max_length = 20, example = "2026")]
    pub period: Option<String>,
    /// First day of an on-demand report's period.
    pub from: Option<Day>,
    /// Last day of an on-demand report's period.
    pub to: Option<Day>,
    /// Defaults to the kind and period ("Báo cáo kết quả … năm 2026").
    #[validate(length(min = 3, max = 300))]
    #[schema(min_length = 3, max_length = 300)]
    pub title: Option<String>,
}

/// The editable part of a report: title and narrative.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportInput {
    #[validate(length(min = 3, max = 300))]
    #[schema(min_length = 3, max_length = 300)]
    pub title: String,
    #[validate(nested)]
    pub narrative: Narrative,
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<ReportRow> {
    reports::table
        .find(id)
        .select(ReportRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("báo cáo"))
}

/// The one visibility rule of reports: unit roles read their unit's reports only; everyone else
/// (the Office, the leader, the administrator, service accounts with `reports:read`) reads all.
pub fn ensure_readable(principal: &Principal, row: &ReportRow) -> AppResult<()> {
    if principal.role.is_unit_scoped()
        && (row.unit_id.is_none() || row.unit_id != principal.unit_id)
    {
        return Err(AppError::not_found("báo cáo"));
    }
    Ok(())
}

fn submission_of(conn: &mut DbConnection, row: &ReportRow) -> AppResult<Option<SubmissionRow>> {
    match row.submission_id {
        Some(id) => Ok(Some(submissions::find_row(conn, id)?)),
        None => Ok(None),
    }
}

fn state_of(row: &ReportRow, submission: Option<&SubmissionRow>) -> State {
    State {
        owner: row.owner(),
        unit_id: row.unit_id,
        status: submission.map_or(ReportStatus::Draft, |s| s.status.into()),
    }
}

/// The report's figures now: the frozen snapshot once submitted (and not returned), else
/// computed from the data.
pub fn figures_of(
    conn: &mut DbConnection,
    cache: &FiguresCache,
    calendar: &Calendar,
    row: &ReportRow,
    status: ReportStatus,
    now: DateTime<Utc>,
) -> AppResult<(ReportFigures, bool)> {
    if status != ReportStatus::Draft
        && status != ReportStatus::Returned
        && let Some(json) = &row.figures
    {
        let frozen: ReportFigures = serde_json::from_str(json).map_err(AppError::internal)?;
        return Ok((frozen, true));
    }
    let figures = cache.get(conn, calendar, row.scope(), now)?;
    Ok((with_consolidation(conn, calendar, row, figures)?, false))
}

/// The report's figures with, for the Office's scheduled reports, the consolidation of the
/// units' reports.
fn with_consolidation(
    conn: &mut DbConnection,
    calendar: &Calendar,
    row: &ReportRow,
    figures: Figures,
) -> AppResult<ReportFigures> {
    let consolidation = match (row.owner(), obligation_kind(row.kind)) {
        (ReportOwner::Office, Some(kind)) => {
            Some(consolidation::build(conn, calendar, kind, &row.period)?)
        }
        _ => None,
    };
    Ok(ReportFigures {
        figures,
        consolidation,
    })
}

fn unit_ref(conn: &mut DbConnection, id: Option<i64>) -> AppResult<Option<UnitRef>> {
    match id {
        Some(id) => crate::units::model::unit_ref(conn, id),
        None => Ok(None),
    }
}

/// The whole report as `principal` sees it at `now`.
pub fn load(
    conn: &mut DbConnection,
    cache: &FiguresCache,
    principal: &Principal,
    id: i64,
    now: DateTime<Utc>,
) -> AppResult<Report> {
    let row = find_row(conn, id)?;
    ensure_readable(principal, &row)?;
    let calendar = Calendar::load(conn)?;
    let submission = submission_of(conn, &row)?;
    let state = state_of(&row, submission.as_ref());
    let (figures, frozen) = figures_of(conn, cache, &calendar, &row, state.status, now)?;
    let actors: Vec<i64> = submission
        .iter()
        .flat_map(|s| [s.submitted_by, s.decided_by])
        .flatten()
        .collect();
    let names: std::collections::HashMap<i64, String> = if actors.is_empty() {
        Default::default()
    } else {
        users::table
            .filter(users::id.eq_any(&actors))
            .select((users::id, users::full_name))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect()
    };
    let name = |id: Option<i64>| id.and_then(|id| names.get(&id).cloned());
    let submission = submission.map(|s| {
        let due_on = calendar.due(&s.key());
        SubmissionInfo {
            id: s.id,
            submitted_at: s.submitted_at.and_utc(),
            submitted_by: name(s.submitted_by),
            decided_by: name(s.decided_by),
            on_time: due_on.map(|due| deadlines::met(s.submitted_at.and_utc(), due)),
            due_on,
            decided_at: s.decided_at.map(|t| t.and_utc()),
            decision_note: s.decision_note,
            version: s.version,
        }
    });
    Ok(Report {
        id: row.id,
        kind: row.kind,
        owner: state.owner,
        unit: unit_ref(conn, row.unit_id)?,
        period: row.period.clone(),
        from: row.period_from,
        to: row.period_to,
        title: row.title.clone(),
        narrative: row.narrative(),
        status: state.status,
        submission,
        figures,
        figures_frozen: frozen,
        frozen_at: if frozen {
            row.frozen_at.map(|t| t.and_utc())
        } else {
            None
        },
        allowed_actions: workflow::allowed_actions(principal, &state),
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

/// The filters of the list.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<ReportKind>,
    pub unit_id: Option<i64>,
    pub period: Option<String>,
    pub status: Option<ReportStatus>,
}

/// Reports `principal` may read, newest first, with the total.
pub fn list(
    conn: &mut DbConnection,
    principal: &Principal,
    filter: &Filter,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<ReportSummary>, i64)> {
    let only_unit = policy::unit_restriction(principal);
    let filtered = || {
        let mut query = reports::table.into_boxed();
        if let Some(kind) = filter.kind {
            query = query.filter(reports::kind.eq(kind));
        }
        if let Some(unit) = filter.unit_id {
            query = query.filter(reports::unit_id.eq(unit));
        }
        if let Some(period) = &filter.period {
            query = query.filter(reports::period.eq(period.clone()));
        }
        if let Some(unit) = only_unit {
            query = query.filter(reports::unit_id.eq(unit));
        }
        let sent_as = |status: SubmissionStatus| {
            report_submissions::table
                .filter(report_submissions::status.eq(status.as_str()))
                .select(report_submissions::id.nullable())
        };
        query = match filter.status {
            None => query,
            Some(ReportStatus::Draft) => query.filter(reports::submission_id.is_null()),
            Some(ReportStatus::Submitted) => {
                query.filter(reports::submission_id.eq_any(sent_as(SubmissionStatus::Submitted)))
            }
            Some(ReportStatus::Accepted) => {
                query.filter(reports::submission_id.eq_any(sent_as(SubmissionStatus::Accepted)))
            }
            Some(ReportStatus::Returned) => {
                query.filter(reports::submission_id.eq_any(sent_as(SubmissionStatus::Returned)))
            }
        };
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows: Vec<(ReportRow, Option<(String, NaiveDateTime)>, Option<UnitRef>)> = filtered()
        .left_join(
            report_submissions::table
                .on(reports::submission_id.eq(report_submissions::id.nullable())),
        )
        .left_join(units::table.on(reports::unit_id.eq(units::id.nullable())))
        .order((reports::updated_at.desc(), reports::id.desc()))
        .offset(offset)
        .limit(limit)
        .select((
            ReportRow::as_select(),
            (report_submissions::status, report_submissions::submitted_at).nullable(),
            (units::id, units::code, units::short_name, units::name).nullable(),
        ))
        .load(conn)?;
    let calendar = Calendar::load(conn)?;
    let items = rows
        .into_iter()
        .map(|(row, submission, unit)| {
            let due_on = row.obligation_key().and_then(|key| calendar.due(&key));
            let on_time = submission
                .as_ref()
                .zip(due_on)
                .map(|((_, at), due)| deadlines::met(at.and_utc(), due));
            let status = submission
                .as_ref()
                .and_then(|(s, _)| crate::report_submissions::workflow::SubmissionStatus::parse(s))
                .map_or(ReportStatus::Draft, ReportStatus::from);
            let state = State {
                owner: row.owner(),
                unit_id: row.unit_id,
                status,
            };
            ReportSummary {
                id: row.id,
                kind: row.kind,
                owner: state.owner,
                unit,
                period: row.period.clone(),
                from: row.period_from,
                to: row.period_to,
                title: row.title.clone(),
                status,
                submitted_at: submission.map(|(_, at)| at.and_utc()),
                due_on,
                on_time,
                allowed_actions: workflow::allowed_actions(principal, &state),
                version: row.version,
                updated_at: row.updated_at.and_utc(),
            }
        })
        .collect();
    Ok((items, total))
}

fn default_title(
    kind: ReportKind,
    period: &str,
    unit: Option<&str>,
    from: NaiveDate,
    to: NaiveDate,
) -> String {
    let what = "kết quả phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến";
    let whose = unit.map(|u| format!(" của {u}")).unwrap_or_default();
    match kind {
        ReportKind::AnnualReport => format!("Báo cáo {what}{whose} năm {period}"),
        ReportKind::MidtermReview => format!("Báo cáo sơ kết {what}{whose} giai đoạn {period}"),
        ReportKind::FinalReview => format!("Báo cáo tổng kết {what}{whose} giai đoạn {period}"),
        ReportKind::OnDemand => format!(
            "Báo cáo {what}{whose} từ ngày {} đến ngày {}",
            from.format("%d/%m/%Y"),
            to.format("%d/%m/%Y")
        ),
    }
}

/// The period of a calendar report: its key's days (`2026` → the year; a review → its years).
fn calendar_period(calendar: &Calendar, key: &ObligationKey) -> AppResult<(NaiveDate, NaiveDate)> {
    if calendar.due(key).is_none() {
        return Err(AppError::field(
            "period",
            "unknown_period",
            format!(
                "Lịch báo cáo không có kỳ {} cho loại báo cáo này.",
                key.period
            ),
        ));
    }
    let (first, last) = match key.kind {
        ObligationKind::AnnualReport => {
            let year: i32 = key
                .period
                .parse()
                .map_err(|_| AppError::field("period", "invalid", "Kỳ không hợp lệ."))?;
            (year, year)
        }
        ObligationKind::MidtermReview => (
            calendar.settings.midterm_review.from_year,
            calendar.settings.midterm_review.to_year,
        ),
        ObligationKind::FinalReview => (
            calendar.settings.final_review.from_year,
            calendar.settings.final_review.to_year,
        ),
        ObligationKind::MonthlyIntroduction => {
            return Err(AppError::field(
                "kind",
                "not_a_report",
                "Không phải báo cáo.",
            ));
        }
    };
    match (
        NaiveDate::from_ymd_opt(first, 1, 1),
        NaiveDate::from_ymd_opt(last, 12, 31),
    ) {
        (Some(from), Some(to)) => Ok((from, to)),
        _ => Err(AppError::field("period", "invalid", "Kỳ không hợp lệ.")),
    }
}

/// Creates a draft; returns its id. Calendar reports are one per kind, unit and period (409).
pub fn create(
    conn: &mut DbConnection,
    principal: &Principal,
    input: &NewReportInput,
    now: NaiveDateTime,
) -> AppResult<i64> {
    let owner = match (input.kind, input.unit_id) {
        (ReportKind::OnDemand, _) => ReportOwner::OnDemand,
        (_, Some(_)) => ReportOwner::Unit,
        (_, None) => ReportOwner::Office,
    };
    workflow::authorize(
        principal,
        &State {
            owner,
            unit_id: input.unit_id,
            status: ReportStatus::Draft,
        },
        ReportAction::Edit,
    )?;
    let unit_name = match input.unit_id {
        Some(unit_id) => {
            let unit: Option<(String, String)> = units::table
                .find(unit_id)
                .select((units::name, units::kind))
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
                Some((_, kind)) if kind == UnitKind::Department.as_str() => {
                    return Err(AppError::field(
                        "unitId",
                        "not_owed",
                        "Báo cáo của Sở do Văn phòng Sở lập (để trống đơn vị).",
                    ));
                }
                Some((name, _)) => Some(name),
            }
        }
        None => None,
    };
    let (period, from, to) = match obligation_kind(input.kind) {
        Some(kind) => {
            let period = input
                .period
                .as_deref()
                .map(str::trim)
                .unwrap_or_default()
                .to_owned();
            if period.is_empty() {
                return Err(AppError::field(
                    "period",
                    "required",
                    "Cần chọn kỳ báo cáo.",
                ));
            }
            let calendar = Calendar::load(conn)?;
            let key = ObligationKey {
                kind,
                period: period.clone(),
                unit_id: input.unit_id,
            };
            let (from, to) = calendar_period(&calendar, &key)?;
            // An obligation met by a plain submission on the calendar has no room for a written
            // report: its submit would have nothing to go through.
            if let Some(plain) = crate::report_submissions::model::existing(conn, &key)? {
                let written: i64 = reports::table
                    .filter(reports::submission_id.eq(plain.id))
                    .count()
                    .get_result(conn)?;
                if written == 0 {
                    return Err(AppError::new(ErrorCode::Conflict).with_detail(
                        "Kỳ báo cáo này đã được gửi trên Lịch báo cáo (không kèm nội dung soạn trong Lan Tỏa), nên không lập thêm báo cáo cho kỳ này được.",
                    ));
                }
            }
            (period, from, to)
        }
        None => {
            let (Some(from), Some(to)) = (input.from, input.to) else {
                let mut errors = Vec::new();
                if input.from.is_none() {
                    errors.push(FieldError::new(
                        "from",
                        "required",
                        "Cần ngày bắt đầu của kỳ báo cáo.",
                    ));
                }
                if input.to.is_none() {
                    errors.push(FieldError::new(
                        "to",
                        "required",
                        "Cần ngày kết thúc của kỳ báo cáo.",
                    ));
                }
                return Err(AppError::validation(errors));
            };
            let (from, to) = (from.date(), to.date());
            if to < from {
                return Err(AppError::field(
                    "to",
                    "before_start",
                    "Ngày kết thúc không được trước ngày bắt đầu.",
                ));
            }
            (
                format!("{}..{}", from.format("%Y-%m-%d"), to.format("%Y-%m-%d")),
                from,
                to,
            )
        }
    };
    if input.kind != ReportKind::OnDemand {
        let mut query = reports::table
            .filter(reports::kind.eq(input.kind))
            .filter(reports::period.eq(period.clone()))
            .into_boxed();
        query = match input.unit_id {
            Some(unit) => query.filter(reports::unit_id.eq(unit)),
            None => query.filter(reports::unit_id.is_null()),
        };
        let existing: Option<i64> = query.select(reports::id).first(conn).optional()?;
        if let Some(id) = existing {
            return Err(AppError::new(ErrorCode::Conflict)
                .with_detail(format!("Báo cáo của kỳ này đã được lập (số hiệu {id}).")));
        }
    }
    let title = input
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map_or_else(
            || default_title(input.kind, &period, unit_name.as_deref(), from, to),
            str::to_owned,
        );
    Ok(diesel::insert_into(reports::table)
        .values((
            reports::kind.eq(input.kind),
            reports::unit_id.eq(input.unit_id),
            reports::period.eq(&period),
            reports::period_from.eq(from),
            reports::period_to.eq(to),
            reports::title.eq(&title),
            reports::achievements.eq(""),
            reports::shortcomings.eq(""),
            reports::causes.eq(""),
            reports::lessons.eq(""),
            reports::directions.eq(""),
            reports::recommendations.eq(""),
            reports::created_by.eq(principal.user_id()),
            reports::version.eq(1),
            reports::created_at.eq(now),
            reports::updated_at.eq(now),
        ))
        .returning(reports::id)
        .get_result(conn)?)
}

/// Replaces the title and the narrative (compare-and-set).
pub fn update(
    conn: &mut DbConnection,
    principal: &Principal,
    row: &ReportRow,
    if_match: IfMatch,
    input: &ReportInput,
    now: NaiveDateTime,
) -> AppResult<()> {
    let submission = submission_of(conn, row)?;
    workflow::authorize(
        principal,
        &state_of(row, submission.as_ref()),
        ReportAction::Edit,
    )?;
    let expected = if_match.expect(row.version)?;
    let n = input.narrative.clone().normalized();
    versioned_update!(
        conn,
        reports,
        row.id,
        expected,
        now,
        (
            reports::title.eq(input.title.trim()),
            reports::achievements.eq(n.achievements),
            reports::shortcomings.eq(n.shortcomings),
            reports::causes.eq(n.causes),
            reports::lessons.eq(n.lessons),
            reports::directions.eq(n.directions),
            reports::recommendations.eq(n.recommendations),
        )
    )?;
    Ok(())
}

/// Submits (or resubmits) a report: freezes its figures, then sends the report submission that
/// fulfils the obligation (judged on time or late now). Returns the submission's id.
pub fn submit(
    conn: &mut DbConnection,
    principal: &Principal,
    row: &ReportRow,
    if_match: IfMatch,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    if row.kind == ReportKind::OnDemand {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Báo cáo theo yêu cầu không gửi theo lịch báo cáo."));
    }
    let submission = submission_of(conn, row)?;
    let state = state_of(row, submission.as_ref());
    let action = if state.status == ReportStatus::Returned {
        ReportAction::Resubmit
    } else {
        ReportAction::Submit
    };
    workflow::authorize(principal, &state, action)?;
    let expected = if_match.expect(row.version)?;
    let calendar = Calendar::load(conn)?;
    let figures = figures::compute(conn, &calendar, row.scope(), now)?;
    let frozen = with_consolidation(conn, &calendar, row, figures)?;
    let json = serde_json::to_string(&frozen).map_err(AppError::internal)?;
    let at = now.naive_utc();
    // The report's compare-and-set first: of concurrent submitters exactly one gets past it, the
    // others wait for its row lock and then find the version moved on (412).
    versioned_update!(
        conn,
        reports,
        row.id,
        expected,
        at,
        (
            reports::figures.eq(Some(json)),
            reports::frozen_at.eq(Some(at))
        )
    )?;
    let submission_id = match submission {
        None => {
            let Some(key) = row.obligation_key() else {
                return Err(AppError::internal(
                    "a calendar report without an obligation",
                ));
            };
            let input = SubmissionInput {
                kind: key.kind,
                unit_id: key.unit_id,
                period: key.period.clone(),
                title: row.title.clone(),
                note: None,
            };
            let id = submissions::submit(conn, principal, &input, at)?;
            diesel::update(reports::table.find(row.id))
                .set(reports::submission_id.eq(Some(id)))
                .execute(conn)?;
            id
        }
        Some(current) => {
            let input = ResubmissionInput {
                title: Some(row.title.clone()),
                note: None,
            };
            submissions::resubmit(
                conn,
                principal,
                &current,
                IfMatch::Version(current.version),
                at,
                &input,
            )?;
            current.id
        }
    };
    Ok(submission_id)
}

/// Accepts, approves or returns a submitted report (through its submission). Returns the
/// submission's id.
pub fn decide(
    conn: &mut DbConnection,
    principal: &Principal,
    row: &ReportRow,
    action: ReportAction,
    if_match: IfMatch,
    input: &DecisionInput,
    now: NaiveDateTime,
) -> AppResult<i64> {
    let submission = submission_of(conn, row)?;
    let state = state_of(row, submission.as_ref());
    let transition = workflow::authorize(principal, &state, action)?;
    let note = input.note();
    if transition.note_required && note.is_none() {
        return Err(AppError::validation(vec![FieldError::new(
            "note",
            "required",
            "Cần ghi ý kiến khi trả lại báo cáo.",
        )]));
    }
    let expected = if_match.expect(row.version)?;
    let (Some(current), Some(step)) = (submission, transition.submission) else {
        return Err(AppError::internal(
            "a decision on a report that was never submitted",
        ));
    };
    let step = match step {
        SubmissionAction::Accept | SubmissionAction::Return => step,
        _ => return Err(AppError::internal("a decision table row names no decision")),
    };
    versioned_update!(conn, reports, row.id, expected, now)?;
    submissions::decide(
        conn,
        principal,
        &current,
        step,
        IfMatch::Version(current.version),
        now,
        note,
    )?;
    Ok(current.id)
}
