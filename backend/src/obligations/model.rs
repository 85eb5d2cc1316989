//! Computing the obligations: the monthly introductions from the introduction grid (the same code,
//! so the same fairness rules: a unit owes from the month after it was created or reactivated,
//! nothing while inactive, nothing before the programme's first month), the reports from the
//! calendar settings and the report submissions.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::status::{self, ObligationStatus};
use crate::calendar::deadlines::{self, Calendar, Stated};
use crate::calendar::kinds::{ObligationKey, ObligationKind, Responsible};
use crate::db::DbConnection;
use crate::db::schema::{introductions, units};
use crate::error::AppResult;
use crate::introductions::grid::{self, CellStatus};
use crate::introductions::model::IntroductionStatus;
use crate::report_submissions::model as submissions;
use crate::report_submissions::workflow::SubmissionStatus;
use crate::text_enum;
use crate::time::Month;
use crate::units::{UnitKind, UnitRef};

text_enum!(
    /// What fulfils an obligation.
    pub enum FulfilmentKind {
        /// A monthly introduction (`/api/v1/introductions/{id}`).
        Introduction = "introduction" / "Bài giới thiệu",
        /// A report submission (`/api/v1/report-submissions/{id}`).
        ReportSubmission = "report_submission" / "Báo cáo",
    }
);

/// A record that fulfils (or, returned, would fulfil) an obligation.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Fulfilment {
    pub kind: FulfilmentKind,
    pub id: i64,
    /// The record's own status (`submitted`; for reports also `accepted`, `returned`).
    pub status: String,
    pub submitted_at: Option<DateTime<Utc>>,
    /// The API path of the record.
    pub href: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Obligation {
    /// Stable key (`annual_report:2026:12`, `final_review:2026-2030:office`).
    pub key: String,
    pub kind: ObligationKind,
    /// `2026-11` (introductions), `2026` (annual reports), `2026-2028` (reviews).
    pub period: String,
    pub responsible: Responsible,
    /// The unit that owes it; `null`: the Office.
    pub unit: Option<UnitRef>,
    /// Who it is owed to: the Office (units) or Sở Nội vụ (the Office).
    pub owed_to: String,
    /// In Vietnamese (`Báo cáo định kỳ năm 2026`).
    pub title: String,
    /// The deadline as the plan states it.
    pub stated_due: NaiveDate,
    /// `by`: met on that day; `before`: met before it.
    pub stated_rule: String,
    /// The last day it is met on (after "before" and the working-day rule).
    pub due_on: NaiveDate,
    /// The last instant it is met at: 23:59:59 of `dueOn` in Vietnam, in UTC.
    pub deadline: DateTime<Utc>,
    pub status: ObligationStatus,
    /// Days from today (Vietnam) to `dueOn`; negative once overdue.
    pub days_left: i64,
    /// When it was met (the record that counts).
    pub fulfilled_at: Option<DateTime<Utc>>,
    /// What fulfils it; a returned report is listed too (it does not count).
    pub fulfilment: Vec<Fulfilment>,
    /// The SPA page where it is done.
    pub link: String,
}

/// Whose obligations to compute.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    /// Only this unit's (unit roles); `None`: every unit and the Office.
    pub only_unit: Option<i64>,
}

fn title(kind: ObligationKind, period: &str, office: bool) -> String {
    let years = period.replace('-', "–");
    match (kind, office) {
        (ObligationKind::MonthlyIntroduction, _) => {
            let month = Month::parse(period);
            month.map_or_else(
                || format!("Giới thiệu gương điển hình tháng {period}"),
                |m| format!("Giới thiệu gương điển hình tháng {:02}/{}", m.month, m.year),
            )
        }
        (ObligationKind::AnnualReport, false) => format!("Báo cáo định kỳ năm {period}"),
        (ObligationKind::AnnualReport, true) => format!("Báo cáo tổng hợp định kỳ năm {period} gửi Sở Nội vụ"),
        (ObligationKind::MidtermReview, false) => format!("Báo cáo sơ kết giai đoạn {years}"),
        (ObligationKind::MidtermReview, true) => format!("Báo cáo sơ kết giai đoạn {years} gửi Sở Nội vụ"),
        (ObligationKind::FinalReview, false) => format!("Báo cáo tổng kết giai đoạn {years}"),
        (ObligationKind::FinalReview, true) => format!("Báo cáo tổng kết giai đoạn {years} gửi Sở Nội vụ"),
    }
}

fn link(key: &ObligationKey) -> String {
    match key.kind {
        ObligationKind::MonthlyIntroduction => format!("/gioi-thieu?month={}", key.period),
        _ => format!("/lich-bao-cao?key={}", key.text()),
    }
}

struct Owed<'a> {
    key: ObligationKey,
    unit: Option<&'a UnitRef>,
    stated: Stated,
    due: NaiveDate,
}

fn obligation(owed: Owed<'_>, status: ObligationStatus, fulfilled_at: Option<DateTime<Utc>>, fulfilment: Vec<Fulfilment>, today: NaiveDate) -> Obligation {
    let office = owed.key.unit_id.is_none();
    Obligation {
        key: owed.key.text(),
        kind: owed.key.kind,
        responsible: owed.key.responsible(),
        unit: owed.unit.cloned(),
        owed_to: if office { "Sở Nội vụ" } else { "Văn phòng Sở" }.to_owned(),
        title: title(owed.key.kind, &owed.key.period, office),
        stated_due: owed.stated.day(),
        stated_rule: match owed.stated {
            Stated::By(_) => "by",
            Stated::Before(_) => "before",
        }
        .to_owned(),
        due_on: owed.due,
        deadline: deadlines::end_of_day(owed.due),
        status,
        days_left: (owed.due - today).num_days(),
        fulfilled_at,
        fulfilment,
        link: link(&owed.key),
        period: owed.key.period,
    }
}

/// The active units that owe obligations (not the Department itself), with when they became
/// active.
fn units_owing(conn: &mut DbConnection, only_unit: Option<i64>) -> AppResult<Vec<(UnitRef, Option<NaiveDateTime>)>> {
    let mut query = units::table
        .filter(units::active.eq(true))
        .filter(units::kind.ne(UnitKind::Department.as_str()))
        .select(((units::id, units::code, units::short_name, units::name), units::active_since))
        .order((units::sort_order.asc(), units::sort_name.asc()))
        .into_boxed();
    if let Some(unit) = only_unit {
        query = query.filter(units::id.eq(unit));
    }
    Ok(query.load(conn)?)
}

fn introductions_of(conn: &mut DbConnection, calendar: &Calendar, years: &[i32], scope: Scope, now: DateTime<Utc>) -> AppResult<Vec<Obligation>> {
    let today = now.with_timezone(&crate::time::TIME_ZONE).date_naive();
    let mut out = Vec::new();
    for &year in years {
        let months = calendar.introduction_months(year);
        if months.is_empty() {
            continue;
        }
        let grid = grid::build(conn, year, calendar, today, scope.only_unit)?;
        let submitted: Vec<(i64, i64, String, Option<NaiveDateTime>)> = introductions::table
            .filter(introductions::month.like(format!("{year:04}-%")))
            .filter(introductions::status.eq(IntroductionStatus::Submitted))
            .order(introductions::submitted_at.asc())
            .select((introductions::id, introductions::unit_id, introductions::month, introductions::submitted_at))
            .load(conn)?;
        for row in &grid.rows {
            for cell in &row.cells {
                let Some(month) = Month::parse(&cell.month) else { continue };
                if cell.status == CellStatus::NotApplicable || !months.contains(&month) {
                    continue;
                }
                let records: Vec<&(i64, i64, String, Option<NaiveDateTime>)> =
                    submitted.iter().filter(|s| s.1 == row.unit.id && s.2 == cell.month).collect();
                let status = match cell.status {
                    CellStatus::OnTime => ObligationStatus::DoneOnTime,
                    CellStatus::Late => ObligationStatus::DoneLate,
                    CellStatus::Missing => ObligationStatus::Missing,
                    _ => status::open(cell.due_on, today, calendar.settings.due_soon_days),
                };
                let fulfilment = records
                    .iter()
                    .map(|(id, _, _, at)| Fulfilment {
                        kind: FulfilmentKind::Introduction,
                        id: *id,
                        status: IntroductionStatus::Submitted.as_str().to_owned(),
                        submitted_at: at.map(|t| t.and_utc()),
                        href: format!("/api/v1/introductions/{id}"),
                    })
                    .collect();
                let fulfilled_at = status.is_met().then(|| records.first().and_then(|r| r.3).map(|t| t.and_utc())).flatten();
                let key = ObligationKey {
                    kind: ObligationKind::MonthlyIntroduction,
                    period: cell.month.clone(),
                    unit_id: Some(row.unit.id),
                };
                out.push(obligation(
                    Owed {
                        key,
                        unit: Some(&row.unit),
                        stated: Stated::By(month.due_on(calendar.introduction_due_day)),
                        due: cell.due_on,
                    },
                    status,
                    fulfilled_at,
                    fulfilment,
                    today,
                ));
            }
        }
    }
    Ok(out)
}

fn reports_of(conn: &mut DbConnection, calendar: &Calendar, years: &[i32], scope: Scope, now: DateTime<Utc>) -> AppResult<Vec<Obligation>> {
    let today = now.with_timezone(&crate::time::TIME_ZONE).date_naive();
    let units = units_owing(conn, scope.only_unit)?;
    let records = submissions::all_of(conn, scope.only_unit)?;
    let by_key: HashMap<String, &submissions::SubmissionRow> = records.iter().map(|r| (r.key().text(), r)).collect();
    let start = Month { year: calendar.settings.first_year, month: 1 };
    let mut out = Vec::new();
    for kind in [ObligationKind::AnnualReport, ObligationKind::MidtermReview, ObligationKind::FinalReview] {
        for period in calendar.periods(kind) {
            let mut owers: Vec<Option<&(UnitRef, Option<NaiveDateTime>)>> = units.iter().map(Some).collect();
            if scope.only_unit.is_none() {
                owers.push(None);
            }
            for ower in owers {
                let key = ObligationKey { kind, period: period.clone(), unit_id: ower.map(|u| u.0.id) };
                let (Some(stated), Some(due)) = (calendar.stated(&key), calendar.due(&key)) else {
                    continue;
                };
                if !years.contains(&due.year()) {
                    continue;
                }
                if let Some((_, active_since)) = ower
                    && Month::of(due) < grid::owed_from(*active_since, start)
                {
                    continue;
                }
                let record = by_key.get(&key.text()).copied();
                let standing = record.filter(|r| r.status != SubmissionStatus::Returned);
                let status = match standing {
                    Some(r) if deadlines::met(r.submitted_at.and_utc(), due) => ObligationStatus::DoneOnTime,
                    Some(_) => ObligationStatus::DoneLate,
                    None => status::open(due, today, calendar.settings.due_soon_days),
                };
                let fulfilment = record
                    .map(|r| Fulfilment {
                        kind: FulfilmentKind::ReportSubmission,
                        id: r.id,
                        status: r.status.as_str().to_owned(),
                        submitted_at: Some(r.submitted_at.and_utc()),
                        href: format!("/api/v1/report-submissions/{}", r.id),
                    })
                    .into_iter()
                    .collect();
                out.push(obligation(
                    Owed { key, unit: ower.map(|u| &u.0), stated, due },
                    status,
                    standing.map(|r| r.submitted_at.and_utc()),
                    fulfilment,
                    today,
                ));
            }
        }
    }
    Ok(out)
}

/// Every obligation of `scope` whose deadline falls in one of `years` (all the plan's years when
/// `None`), as of `now`, ordered by deadline, then the Office last, then unit order.
pub fn compute(
    conn: &mut DbConnection,
    calendar: &Calendar,
    scope: Scope,
    years: Option<&[i32]>,
    now: DateTime<Utc>,
) -> AppResult<Vec<Obligation>> {
    let first = calendar.introductions_start.year.min(calendar.settings.first_year);
    let last = calendar.settings.last_year.max(calendar.settings.final_review.office_before.year());
    let all: Vec<i32> = (first..=last).collect();
    let years: Vec<i32> = match years {
        Some(wanted) => all.into_iter().filter(|y| wanted.contains(y)).collect(),
        None => all,
    };
    let unit_order: HashMap<i64, usize> = units_owing(conn, scope.only_unit)?
        .iter()
        .enumerate()
        .map(|(i, (unit, _))| (unit.id, i))
        .collect();
    let mut out = introductions_of(conn, calendar, &years, scope, now)?;
    out.extend(reports_of(conn, calendar, &years, scope, now)?);
    out.sort_by_key(|o| {
        (
            o.due_on,
            o.unit.as_ref().map_or(usize::MAX, |u| unit_order.get(&u.id).copied().unwrap_or(usize::MAX - 1)),
            o.kind.as_str(),
        )
    });
    Ok(out)
}

/// One obligation by its key, as of `now` (`None`: no such obligation is owed).
pub fn find(conn: &mut DbConnection, key: &ObligationKey, now: DateTime<Utc>) -> AppResult<Option<Obligation>> {
    let calendar = Calendar::load(conn)?;
    let Some(due) = calendar.due(key) else {
        return Ok(None);
    };
    let scope = Scope { only_unit: key.unit_id };
    let text = key.text();
    Ok(compute(conn, &calendar, scope, Some(&[due.year()]), now)?
        .into_iter()
        .find(|o| o.key == text))
}
